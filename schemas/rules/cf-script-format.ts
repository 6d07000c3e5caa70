/**
 * CF013, ours (proposed for reference/guide-rules.md): a script the product runs is saved for
 * the OS that runs it. The byte-level reading is script-layout.ts; this is what each layout
 * means on Linux and on Windows, in the engineer's words.
 */
import type { ServerOs } from '../model/documented-values.js';
import { otherOsType } from '../model/os-types.js';
import type { Project } from '../project.js';
import { type Result, ok } from '../result.js';
import { type NamedScript, namedScriptParts, ownerOf, settingOf } from './cf-scripts.js';
import { baseName } from './helpers.js';
import { NO_HITS, partsRule } from './parts.js';
import { type ScriptLayout, layoutOf, relaid } from './script-layout.js';
import type { Hit, Rule, RuleContext, Severity } from './types.js';

/**
 * How a script is judged: a batch file as cmd.exe reads it, whatever the cluster's OS (the
 * guide has an ESX host's SingleServerSafe run vmpreaction.bat for a Windows guest); any other
 * script by the OS `<all><serveros>` names, Linux where it names none.
 */
function osOf(context: RuleContext, key: string): ServerOs {
  return isBatch(key) ? 'windows' : (context.serverOs ?? 'linux');
}

function isBatch(key: string): boolean {
  return /\.(?:bat|cmd)$/i.test(key);
}

/** One thing wrong with a script's layout: what it is, and what it does when the script runs. */
interface Misfit {
  readonly severity: Severity;
  readonly what: string;
  readonly why: string;
  readonly whatJa: string;
  readonly whyJa: string;
  /**
   * What to do where re-laying the bytes cannot mend it (a charset or a language to choose):
   * `{key}` stands for the script. Such a misfit takes away the quick fix.
   */
  readonly byHand?: { readonly fix: string; readonly fixJa: string };
}

/** UTF-16 text, which neither OS runs: `why`, in English and Japanese, says who fails. */
function utf16([why, whyJa]: readonly [string, string]): Misfit {
  return {
    severity: 'error',
    what: 'is UTF-16 text',
    whatJa: 'UTF-16 のテキストです',
    why,
    whyJa,
    byHand: {
      fix: "Save scripts/{key} as UTF-8 without a byte-order mark (or in the cluster's charset).",
      fixJa: 'scripts/{key} を BOM なしの UTF-8 (またはクラスタの文字コード) で保存してください。',
    },
  };
}
const BOM_WHAT = {
  what: 'starts with a UTF-8 byte-order mark',
  whatJa: '先頭に UTF-8 の BOM (バイトオーダーマーク) があります',
};

// The shells that run a script with no #! line, or name themselves in it.
const SHELLS = /^(?:ba|da|k|mk|z|a)?sh$/;

/** Who reads a Linux script's lines: its #! interpreter (through env), or a shell. */
function readerOf(shebang: ScriptLayout['shebang']): string {
  if (shebang === undefined) {
    return 'sh';
  }
  const name = baseName(shebang.command);
  const word = shebang.argument.split(' ').find((part) => part !== '' && !part.startsWith('-'));
  return name === 'env' && word !== undefined ? baseName(word) : name;
}

function linuxMisfits(layout: ScriptLayout): Misfit[] {
  if (layout.bom === 'utf-16') {
    return [utf16(['the shell cannot run it', 'シェルはこれを実行できません'])];
  }
  const byShell = SHELLS.test(readerOf(layout.shebang));
  const misfits: Misfit[] = [];
  if (layout.bom === 'utf-8') {
    misfits.push(bomOnLinux(layout.shebang, byShell));
  }
  const crlf = crlfOnLinux(layout, byShell);
  if (crlf !== undefined) {
    misfits.push(crlf);
  }
  return misfits;
}

// Linux does not see a #! line behind a byte-order mark; the caller's shell runs the file instead.
function bomOnLinux(shebang: ScriptLayout['shebang'], byShell: boolean): Misfit {
  return shebang !== undefined && !byShell
    ? {
        severity: 'error',
        ...BOM_WHAT,
        why: `Linux does not see its #! line, so a shell runs it instead of ${shebang.command}`,
        whyJa: `Linux は #! 行を認識しないため、${shebang.command} ではなくシェルが実行します`,
      }
    : {
        severity: 'warning',
        ...BOM_WHAT,
        why: 'the shell reads the mark and the first line as one command, which fails (the rest runs)',
        whyJa:
          'シェルは BOM と最初の行を 1 つのコマンドとして読むため、その行は失敗します (残りは実行されます)',
      };
}

/**
 * CRLF lines where they fail: in the #! line Linux reads itself (its carriage return ends up in
 * the interpreter's name), and in a shell script. Perl and the like read CRLF lines as lines.
 */
function crlfOnLinux(layout: ScriptLayout, byShell: boolean): Misfit | undefined {
  const { count } = layout.crlf;
  if (count === 0) {
    return undefined;
  }
  const what = {
    what: `has Windows line endings (CRLF) on ${linesSaid(count, layout.lines, layout.crlf.first)}`,
    whatJa: `${linesSaidJa(count, layout.lines, layout.crlf.first)}の改行コードが Windows 形式 (CRLF) です`,
  };
  const { shebang } = layout;
  const lineRead = shebang !== undefined && layout.firstLineCrlf && layout.bom === undefined;
  if (lineRead && shebang.argument === '') {
    return {
      severity: 'error',
      ...what,
      why: `Linux looks for the interpreter "${shebang.command}\\r" of its #! line, which does not exist ("bad interpreter")`,
      whyJa: `Linux は #! 行のインタプリタを "${shebang.command}\\r" として探しますが、それは存在しません ("bad interpreter")`,
    };
  }
  if (lineRead && baseName(shebang.command) === 'env') {
    const last = shebang.argument.split(' ').pop() ?? '';
    return {
      severity: 'error',
      ...what,
      why: `env looks for "${last}\\r" and fails ("No such file or directory")`,
      whyJa: `env は "${last}\\r" を探し、見つからずに失敗します ("No such file or directory")`,
    };
  }
  return byShell
    ? {
        severity: 'error',
        ...what,
        why: 'the shell takes the carriage return at the end of each line as part of the command',
        whyJa: 'シェルは各行末の CR (復帰) をコマンドの一部として読みます',
      }
    : undefined;
}

/** `3 of 3 lines`; in a file of mixed endings also where to look (`2 of 40 lines, from line 12`). */
function linesSaid(count: number, lines: number, first: number | undefined): string {
  return count === lines || first === undefined
    ? `${count} of ${lines} lines`
    : `${count} of ${lines} lines, from line ${first}`;
}

function linesSaidJa(count: number, lines: number, first: number | undefined): string {
  return count === lines || first === undefined
    ? `${lines} 行中 ${count} 行`
    : `${lines} 行中 ${count} 行 (${first} 行目から)`;
}

function windowsMisfits(layout: ScriptLayout): Misfit[] {
  if (layout.bom === 'utf-16') {
    return [
      utf16([
        'cmd.exe does not run UTF-16 batch files',
        'cmd.exe は UTF-16 のバッチファイルを実行しません',
      ]),
    ];
  }
  const misfits: Misfit[] = [];
  if (layout.bom === 'utf-8') {
    misfits.push({
      severity: 'warning',
      ...BOM_WHAT,
      why: 'cmd.exe reads the mark as part of the first command, which then fails',
      whyJa: 'cmd.exe は BOM を最初のコマンドの一部として読むため、そのコマンドは失敗します',
    });
  }
  const { count } = layout.lf;
  if (count > 0) {
    misfits.push({
      severity: 'warning',
      what: `has Unix line endings (LF) on ${linesSaid(count, layout.lines, layout.lf.first)}`,
      whatJa: `${linesSaidJa(count, layout.lines, layout.lf.first)}の改行コードが Unix 形式 (LF) です`,
      why: 'cmd.exe can then miss the labels that goto and call jump to',
      whyJa: 'cmd.exe は goto や call の飛び先のラベルを見つけられないことがあります',
    });
  }
  return misfits;
}

/**
 * A Unix script (a #! line, or a .sh name) that a Windows cluster is to run: Windows runs the
 * product's scripts with cmd.exe. Other names (an .exe, a .vbs) are left alone.
 */
function unixOnWindows(key: string, layout: ScriptLayout): Misfit[] {
  if (!key.endsWith('.sh') && layout.shebang === undefined) {
    return [];
  }
  const batch = `${baseName(key).replace(/\.[^.]*$/, '')}.bat`;
  return [
    {
      severity: 'warning',
      what: 'is a Unix script on a Windows cluster',
      whatJa: 'Windows クラスタ上の Unix 用スクリプトです',
      why: "Windows runs the product's scripts with cmd.exe, which does not run it",
      whyJa: 'Windows では製品のスクリプトを cmd.exe が実行するため、これは実行されません',
      byHand: {
        fix: `Write it as a batch file (${batch}) and name that in the setting.`,
        fixJa: `バッチファイル (${batch}) として書き、設定でそのファイルを指定してください。`,
      },
    },
  ];
}

function misfitsOf(
  context: RuleContext,
  { entity }: NamedScript,
  key: string,
  os: ServerOs,
  layout: ScriptLayout,
): Misfit[] {
  if (os === 'linux') {
    return linuxMisfits(layout);
  }
  if (isBatch(key)) {
    return windowsMisfits(layout);
  }
  // An exec resource on Windows is CF014's: shell scripts are what exec runs, and the fix is
  // to replace the resource, not to rewrite its scripts for cmd.exe.
  return otherOsType(entity.kind, entity.type, context.serverOs) === undefined
    ? unixOnWindows(key, layout)
    : [];
}

/** The hits for the named scripts the project has, each checked for the OS that runs it. */
function misfitScripts(context: RuleContext, named: readonly NamedScript[]): readonly Hit[] {
  let hits: Hit[] | undefined;
  for (const script of named) {
    const file = script.key === undefined ? undefined : context.project.scripts.get(script.key);
    if (file === undefined || script.key === undefined) {
      continue;
    }
    const os = osOf(context, script.key);
    const misfits = misfitsOf(context, script, script.key, os, layoutOf(file.bytes));
    if (misfits.length > 0) {
      (hits ??= []).push(misfitHit(script, script.key, os, misfits));
    }
  }
  return hits ?? NO_HITS;
}

function misfitHit(
  script: NamedScript,
  key: string,
  os: ServerOs,
  misfits: readonly Misfit[],
): Hit {
  const file = baseName(key);
  const { owner, ownerJa } = ownerOf(script);
  const severity = misfits.some((misfit) => misfit.severity === 'error') ? 'error' : 'warning';
  const eol = os === 'linux' ? 'LF' : 'CRLF';
  const byHand = misfits.find((misfit) => misfit.byHand !== undefined)?.byHand;
  const fix =
    byHand !== undefined
      ? { fix: byHand.fix.replace('{key}', key), fixJa: byHand.fixJa.replace('{key}', key) }
      : {
          fix: `Save scripts/${key} with ${eol} line endings and no byte-order mark (quick fix${os === 'linux' ? '; dos2unix does the same' : ''}).`,
          fixJa: `scripts/${key} を改行コード ${eol}、BOM なしで保存してください (クイックフィックス${os === 'linux' ? '。dos2unix でも同じです' : ''})。`,
        };
  return {
    path: settingOf(script),
    script: key,
    severity,
    message: `${owner} runs ${file} (scripts/${key}), which ${misfits.map((misfit) => misfit.what).join(' and ')}: ${misfits.map((misfit) => misfit.why).join('; ')}`,
    fix: fix.fix,
    ja: {
      message: `${ownerJa} が実行する ${file} (scripts/${key}) は、${misfits.map((misfit) => misfit.whatJa).join('。また、')}。${misfits.map((misfit) => misfit.whyJa).join('。')}。`,
      fix: fix.fixJa,
    },
    ...(byHand !== undefined
      ? {}
      : {
          quickFix: (project: Project) => relayScript(project, key, os === 'linux' ? 'lf' : 'crlf'),
        }),
  };
}

/** The project with one script re-laid: no byte-order mark, every line ending as `eol`. */
function relayScript(project: Project, key: string, eol: 'lf' | 'crlf'): Result<Project> {
  const file = project.scripts.get(key);
  if (file === undefined) {
    return ok(project);
  }
  const scripts = new Map(project.scripts);
  scripts.set(key, { ...file, bytes: relaid(file.bytes, eol) });
  return ok({ ...project, scripts });
}

export const CF013: Rule = partsRule({
  id: 'CF013',
  severity: 'error',
  topologies: 'all',
  source:
    'Cluster Builder: how Linux (the #! line, the shell) and cmd.exe read a script; clpconf-format.md §8 (the scripts/ tree)',
  text: 'A script the product runs is saved for the OS that runs it. On Linux: no CRLF line endings where they fail (a CRLF #! line names the interpreter "/bin/sh\\r"; a shell takes each carriage return as part of the command; perl reads CRLF lines as lines), and no byte-order mark (an error where it hides the #! line of another interpreter, a warning where a shell runs it anyway). A batch file (.bat, .cmd), on either OS, has CRLF line endings (a warning: cmd.exe can miss labels) and no UTF-8 byte-order mark (a warning: the first command fails); on Windows, a Unix script (a #! line, a .sh name) is a warning: cmd.exe does not run it. Neither runs UTF-16 text.',
  fix: 'Save the script with the line endings of the OS that runs it and no byte-order mark (quick fix).',
  ja: {
    text: '製品が実行するスクリプトは、実行する OS に合わせて保存されています。Linux では、失敗する箇所に改行コード CRLF がありません (CRLF の #! 行はインタプリタ "/bin/sh\\r" を指し、シェルは各行末の CR をコマンドの一部として読みます。perl は CRLF の行も行として読みます)。また BOM がありません (他のインタプリタの #! 行を隠す場合はエラー、シェルがそのまま実行する場合は警告)。バッチファイル (.bat、.cmd) は、どちらの OS でも改行コードが CRLF で (LF は cmd.exe がラベルを見失うことがあるため警告)、UTF-8 の BOM がありません (最初のコマンドが失敗するため警告)。Windows では、Unix 用スクリプト (#! 行や .sh の名前) は cmd.exe が実行しないため警告です。どちらも UTF-16 のテキストは実行しません。',
    fix: 'スクリプトを、実行する OS の改行コードで BOM なしで保存してください (クイックフィックス)。',
  },
  inputs: ['groups', 'resources', 'monitors', 'scripts', 'cluster'],
  parts: namedScriptParts(misfitScripts),
});
