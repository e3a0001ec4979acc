/** Rouge's ruby lexer: constants, method calls after `.`, Rouge's keyword and builtin lists. */
import { IDENT, NAMEISH, makeProfile, prevSolid, quoteClass, substDelimiters, wordMap } from '../base-profile.js';
import type { Token } from '../token.js';

const BUILTINS =
  'attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload binding callcc caller catch chomp chop class_eval class_variables clone const_get const_missing const_set constants display dup eval exec exit extend fail fork format freeze getc gets global_variables gsub hash id included_modules inspect instance_eval instance_method instance_methods instance_variable_get instance_variable_set instance_variables lambda load local_variables loop method method_missing methods module_eval name object_id open p print printf private_class_method private_instance_methods private_methods proc protected_instance_methods protected_methods public_class_method public_instance_methods public_methods putc puts raise rand readline readlines require require_relative scan select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall system taint test throw to_a to_s trace_var trap untaint untrace_var warn';

// Rouge tries keywords, then pseudo-keywords, then builtins (not after a dot).
const WORDS = wordMap({
  nb: BUILTINS,
  kp: 'loop include extend raise alias_method attr catch throw private module_function public protected true false nil __FILE__ __LINE__',
  k: 'BEGIN END alias begin break case do else elsif end ensure for if in next redo rescue raise retry return super then undef unless until when while yield def class module',
});
const BUILTINS_Q = new Set('autoload block_given const_defined eql equal frozen include instance_of is_a iterator kind_of method_defined nil private_method_defined protected_method_defined public_method_defined respond_to tainted'.split(' '));

function fix(tokens: Token[]): void {
  substDelimiters(tokens, /^#\{/, 'si', 'si');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.cls === 'nv' || (t.scope === 'variable' && /^[@$]/.test(t.text))) {
      t.cls = t.text.startsWith('@@') ? 'vc' : t.text.startsWith('@') ? 'vi' : t.text.startsWith('$') ? 'vg' : t.cls;
      continue;
    }
    if (t.cls === 'nc' && /^[A-Z]\w*(?:::[A-Z]\w*)+$/.test(t.text) && prevSolid(tokens, i)?.text !== 'class') {
      // hljs scopes `A::B` as one class reference; outside `class A::B` Rouge names each constant
      const parts = t.text.split(/(::)/).map((text) => ({ cls: text === '::' ? 'o' : 'no', text }));
      tokens.splice(i, 1, ...parts);
      i += parts.length - 1;
      continue;
    }
    if (!IDENT.test(t.text) || !NAMEISH.has(t.cls)) continue;
    const before = tokens[i - 1];
    const prev = prevSolid(tokens, i);
    const next = tokens[i + 1];
    if (before && (before.text.endsWith('.') || before.text.endsWith('::')) && !before.text.endsWith('..') && /^[a-z_]/.test(t.text)) {
      // `.name` / `::name`: a method call.
      t.cls = 'nf';
      if (before.text === '.' || before.text === '::') before.cls = 'p';
      else if (before.text.endsWith('.') && before.cls !== 'p') {
        before.text = before.text.slice(0, -1);
        tokens.splice(i, 0, { cls: 'p', text: '.' });
        i++;
      }
      continue;
    }
    if (prev?.text === 'def' && t.text === 'self') {
      t.cls = 'nc';
      if (next?.text === '.') next.cls = 'o';
      continue;
    }
    if (t.cls === 'nf' && prev?.text === 'def') continue;
    if (/^[A-Z]/.test(t.text)) {
      if (prev?.text === 'class') t.cls = 'nc';
      else if (prev?.text === 'module') t.cls = 'nn';
      else t.cls = WORDS.get(t.text) === 'kp' || WORDS.get(t.text) === 'k' ? WORDS.get(t.text)! : 'no';
      continue;
    }
    if (next?.text.startsWith('?') && BUILTINS_Q.has(t.text)) {
      t.cls = 'nb';
      next.text = next.text.slice(1);
      tokens.splice(i + 1, 0, { cls: 'nb', text: '?' });
      continue;
    }
    if (next && /^[?!]/.test(next.text) && !/^[?!]=/.test(next.text)) {
      t.cls = 'n';
      continue;
    }
    t.cls = WORDS.get(t.text) ?? 'n';
  }
  // `Mod::Const`: the separator before a constant is an operator.
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.text === '::' && tokens[i]!.cls !== 'p') tokens[i]!.cls = 'o';
}

export const ruby = makeProfile({
  hljs: 'ruby',
  operators: /[-+*/%=<>!&|^~]|\.\.|::/,
  scopes: { subst: null, 'title.class': 'nc', 'variable.constant': 'no', 'variable.language': 'nb', params: null, symbol: 'ss', meta: null },
  string: quoteClass,
  comment: () => 'c1',
  fix,
});
