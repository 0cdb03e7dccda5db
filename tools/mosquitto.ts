import type { Step } from './apt.ts'
import type { Machine } from './chromium.ts'
import { findBinary } from '../addons/follow/node/mosquitto.ts'
import { found } from './apt.ts'

/**
 * The MQTT broker that slidev-addon-follow's tests, `npm run bench:follow` and `npm run follow:local`
 * start as a process of their own (addons/follow/node/mosquitto.ts): Debian's `mosquitto` package,
 * which also brings `mosquitto_passwd`. Its system service is not used. Unlike Chromium (a snap on
 * Ubuntu), Ubuntu's package is the same deb, so any machine with apt-get gets it: CI's ubuntu-latest too.
 */
export const mosquittoPackage = 'mosquitto'

/** What `planMosquitto` may do here: whether the binaries are there, and how to run apt-get. */
export interface MosquittoMachine {
  /** How to run apt-get without a password prompt; `undefined` without apt-get or the rights to run it. */
  apt: string[] | undefined
  hasMosquitto: boolean
}

/**
 * Nothing to do when `mosquitto` and `mosquitto_passwd` are there; the package where apt-get may run
 * (as root, or with password-less sudo); elsewhere a line on what to install. Only the follow
 * addon's tests need it, and they fail saying so.
 */
export function planMosquitto(machine: MosquittoMachine): Step {
  if (machine.hasMosquitto)
    return found('broker: mosquitto')
  if (machine.apt) {
    return {
      say: `broker: installing ${mosquittoPackage} (apt-get)`,
      packages: [mosquittoPackage],
      run: [],
    }
  }
  return found(`broker: the follow addon's tests need Mosquitto (sudo apt-get install ${mosquittoPackage}, brew install mosquitto)`)
}

/** What this machine needs for the follow addon: `mosquitto` and `mosquitto_passwd`. */
export function mosquittoStep({ apt }: Machine): Step {
  return planMosquitto({
    apt,
    hasMosquitto: Boolean(findBinary('mosquitto') && findBinary('mosquitto_passwd')),
  })
}
