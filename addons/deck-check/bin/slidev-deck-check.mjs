#!/usr/bin/env node
// `slidev-deck-check [slides.md ...]`: the deck check from the command line, naming each mistake by
// file, line and slide. The check is TypeScript, which Node does not run from node_modules: it is
// loaded with jiti, as Slidev loads its addons' setup files.
import process from 'node:process'
import { createJiti } from 'jiti'

const jiti = createJiti(import.meta.url)
const { main } = await jiti.import('../deck.ts')
process.exitCode = await main(process.argv.slice(2))
