// A StrykerJS plugin for `npm run test:mutation` (stryker.config.mjs): Vue's <script setup> macros
// (`defineProps<{ … }>()` and the like) are compiled away by Vue and must stay plain top-level calls.
// A mutant inside one makes Stryker wrap the call in a condition, which Vue's compiler no longer
// recognises ("defineProps is not defined"); such mutants are left out, with this reason.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin'

const macros = new Set([
  'defineProps',
  'defineEmits',
  'defineModel',
  'defineSlots',
  'defineExpose',
  'defineOptions',
  'withDefaults',
])

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'vue-macros', {
    shouldIgnore(path) {
      const { node } = path
      // The call itself, or the statement that is the call (`defineProps<…>()`, `const props = defineProps<…>()`).
      const call = node.type === 'ExpressionStatement'
        ? node.expression
        : node.type === 'VariableDeclaration'
          ? node.declarations[0]?.init
          : node
      return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && macros.has(call.callee.name)
        ? `Vue compiles ${call.callee.name}() away; it must stay a plain call`
        : undefined
    },
  }),
]
