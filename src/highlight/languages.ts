/** Which Rouge lexer a language name selects (Rouge::Lexer.find_fancy), and how we tokenize it. */
import { ROUGE_LEXER_NAMES } from './rouge-lexers.js';
import { registerLanguage } from './hljs-segments.js';
import { PROFILES } from './profiles.js';
import type { Profile } from './profile.js';

import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import php from 'highlight.js/lib/languages/php';
import python from 'highlight.js/lib/languages/python';
import ruby from 'highlight.js/lib/languages/ruby';
import rust from 'highlight.js/lib/languages/rust';
import scss from 'highlight.js/lib/languages/scss';
import sql from 'highlight.js/lib/languages/sql';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

import actionscriptLang from 'highlight.js/lib/languages/actionscript';
import adaLang from 'highlight.js/lib/languages/ada';
import apacheLang from 'highlight.js/lib/languages/apache';
import applescriptLang from 'highlight.js/lib/languages/applescript';
import armasmLang from 'highlight.js/lib/languages/armasm';
import awkLang from 'highlight.js/lib/languages/awk';
import clojureLang from 'highlight.js/lib/languages/clojure';
import cmakeLang from 'highlight.js/lib/languages/cmake';
import coffeescriptLang from 'highlight.js/lib/languages/coffeescript';
import coqLang from 'highlight.js/lib/languages/coq';
import crystalLang from 'highlight.js/lib/languages/crystal';
import dLang from 'highlight.js/lib/languages/d';
import dartLang from 'highlight.js/lib/languages/dart';
import dosLang from 'highlight.js/lib/languages/dos';
import elixirLang from 'highlight.js/lib/languages/elixir';
import elmLang from 'highlight.js/lib/languages/elm';
import erbLang from 'highlight.js/lib/languages/erb';
import erlangLang from 'highlight.js/lib/languages/erlang';
import fortranLang from 'highlight.js/lib/languages/fortran';
import fsharpLang from 'highlight.js/lib/languages/fsharp';
import gradleLang from 'highlight.js/lib/languages/gradle';
import graphqlLang from 'highlight.js/lib/languages/graphql';
import groovyLang from 'highlight.js/lib/languages/groovy';
import hamlLang from 'highlight.js/lib/languages/haml';
import handlebarsLang from 'highlight.js/lib/languages/handlebars';
import haskellLang from 'highlight.js/lib/languages/haskell';
import haxeLang from 'highlight.js/lib/languages/haxe';
import httpLang from 'highlight.js/lib/languages/http';
import iniLang from 'highlight.js/lib/languages/ini';
import juliaLang from 'highlight.js/lib/languages/julia';
import latexLang from 'highlight.js/lib/languages/latex';
import lispLang from 'highlight.js/lib/languages/lisp';
import livescriptLang from 'highlight.js/lib/languages/livescript';
import llvmLang from 'highlight.js/lib/languages/llvm';
import luaLang from 'highlight.js/lib/languages/lua';
import makefileLang from 'highlight.js/lib/languages/makefile';
import mathematicaLang from 'highlight.js/lib/languages/mathematica';
import matlabLang from 'highlight.js/lib/languages/matlab';
import moonscriptLang from 'highlight.js/lib/languages/moonscript';
import nginxLang from 'highlight.js/lib/languages/nginx';
import nimLang from 'highlight.js/lib/languages/nim';
import nixLang from 'highlight.js/lib/languages/nix';
import objectivecLang from 'highlight.js/lib/languages/objectivec';
import ocamlLang from 'highlight.js/lib/languages/ocaml';
import perlLang from 'highlight.js/lib/languages/perl';
import powershellLang from 'highlight.js/lib/languages/powershell';
import prologLang from 'highlight.js/lib/languages/prolog';
import propertiesLang from 'highlight.js/lib/languages/properties';
import protobufLang from 'highlight.js/lib/languages/protobuf';
import puppetLang from 'highlight.js/lib/languages/puppet';
import qLang from 'highlight.js/lib/languages/q';
import qmlLang from 'highlight.js/lib/languages/qml';
import rLang from 'highlight.js/lib/languages/r';
import reasonmlLang from 'highlight.js/lib/languages/reasonml';
import sasLang from 'highlight.js/lib/languages/sas';
import scalaLang from 'highlight.js/lib/languages/scala';
import schemeLang from 'highlight.js/lib/languages/scheme';
import smalltalkLang from 'highlight.js/lib/languages/smalltalk';
import stanLang from 'highlight.js/lib/languages/stan';
import stataLang from 'highlight.js/lib/languages/stata';
import tapLang from 'highlight.js/lib/languages/tap';
import tclLang from 'highlight.js/lib/languages/tcl';
import twigLang from 'highlight.js/lib/languages/twig';
import valaLang from 'highlight.js/lib/languages/vala';
import vbnetLang from 'highlight.js/lib/languages/vbnet';
import verilogLang from 'highlight.js/lib/languages/verilog';
import vhdlLang from 'highlight.js/lib/languages/vhdl';
import vimLang from 'highlight.js/lib/languages/vim';
import x86asmLang from 'highlight.js/lib/languages/x86asm';
import xqueryLang from 'highlight.js/lib/languages/xquery';

const HLJS = { bash, c, cpp, csharp, css, diff, dockerfile, go, java, javascript, json, kotlin, markdown, php, python, ruby, rust, scss, sql, swift, typescript, xml, yaml };
for (const [name, fn] of Object.entries(HLJS)) registerLanguage(name, fn);
// Languages without a tuned profile: a generic scope mapping (see profiles/generic.ts).
const GENERIC_HLJS = { 'actionscript': actionscriptLang, 'ada': adaLang, 'apache': apacheLang, 'applescript': applescriptLang, 'armasm': armasmLang, 'awk': awkLang, 'clojure': clojureLang, 'cmake': cmakeLang, 'coffeescript': coffeescriptLang, 'coq': coqLang, 'crystal': crystalLang, 'd': dLang, 'dart': dartLang, 'dos': dosLang, 'elixir': elixirLang, 'elm': elmLang, 'erb': erbLang, 'erlang': erlangLang, 'fortran': fortranLang, 'fsharp': fsharpLang, 'gradle': gradleLang, 'graphql': graphqlLang, 'groovy': groovyLang, 'haml': hamlLang, 'handlebars': handlebarsLang, 'haskell': haskellLang, 'haxe': haxeLang, 'http': httpLang, 'ini': iniLang, 'julia': juliaLang, 'latex': latexLang, 'lisp': lispLang, 'livescript': livescriptLang, 'llvm': llvmLang, 'lua': luaLang, 'makefile': makefileLang, 'mathematica': mathematicaLang, 'matlab': matlabLang, 'moonscript': moonscriptLang, 'nginx': nginxLang, 'nim': nimLang, 'nix': nixLang, 'objectivec': objectivecLang, 'ocaml': ocamlLang, 'perl': perlLang, 'powershell': powershellLang, 'prolog': prologLang, 'properties': propertiesLang, 'protobuf': protobufLang, 'puppet': puppetLang, 'q': qLang, 'qml': qmlLang, 'r': rLang, 'reasonml': reasonmlLang, 'sas': sasLang, 'scala': scalaLang, 'scheme': schemeLang, 'smalltalk': smalltalkLang, 'stan': stanLang, 'stata': stataLang, 'tap': tapLang, 'tcl': tclLang, 'twig': twigLang, 'vala': valaLang, 'vbnet': vbnetLang, 'verilog': verilogLang, 'vhdl': vhdlLang, 'vim': vimLang, 'x86asm': x86asmLang, 'xquery': xqueryLang };
for (const [name, fn] of Object.entries(GENERIC_HLJS)) registerLanguage(name, fn);

/** Rouge lexer tag for a language name as Rouge::Lexer.find_fancy resolves it, or undefined when Rouge has none. */
export function rougeLexerTag(name: string): string | undefined {
  // find_fancy: "lang?opt=val" passes lexer options; the name is what comes before the '?'.
  const q = name.indexOf('?');
  const base = q >= 0 ? name.slice(0, q) : name;
  if (base === 'guess' || (q >= 0 && base === '')) return 'plaintext'; // we do not guess: plain text
  return ROUGE_LEXER_NAMES.get(base);
}

/** Profile for a Rouge lexer tag; undefined = no tokenizer (the text comes out unstyled). */
export function profileFor(tag: string): Profile | undefined {
  return PROFILES[tag];
}

const BY_HLJS = new Map<string, Profile>();
for (const p of Object.values(PROFILES)) if (!BY_HLJS.has(p.hljs)) BY_HLJS.set(p.hljs, p);
BY_HLJS.set('xml', PROFILES.html!);

/** Profile used for text highlight.js hands to a sub-language (e.g. CSS inside HTML). */
export function profileForHljs(name: string): Profile | undefined {
  return BY_HLJS.get(name);
}
