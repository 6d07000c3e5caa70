/**
 * `clpbuilder check --sarif`: the findings as a SARIF 2.1.0 log (OASIS Static Analysis Results
 * Interchange Format), the file CI systems read to annotate a change at its lines; a cluster
 * kept in a repository gets its findings on the pull request that causes them.
 */
import { join, relative, sep } from 'node:path';
import {
  type Acknowledgement,
  type Finding,
  type Language,
  type Rule,
  type Severity,
  findingWording,
  ruleWording,
} from '../../schemas/index.js';
import type { TextPlace } from '../../schemas/doc/places.js';
import type { Location, Log, ReportingDescriptor, Result, Suppression } from 'sarif';
import packageJson from '../../package.json';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF's levels: an info finding is a step to do by hand, a note. */
const LEVELS: Readonly<Record<Severity, NonNullable<Result['level']>>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** What the log is made of. */
export interface SarifInput {
  readonly findings: readonly Finding[];
  /** The acknowledgement (project.json) that accepts a finding, if any. */
  readonly acceptedBy: ReadonlyMap<Finding, Acknowledgement>;
  readonly rules: readonly Rule[];
  /** The checked clp.conf, and the folder the log's paths are relative to (the working one). */
  readonly file: string;
  readonly base: string;
  /** The project's scripts/ folder on disk; undefined where it is not a folder (a .zip). */
  readonly scripts: string | undefined;
  readonly placeOf: (path: string) => TextPlace | undefined;
  readonly language: Language;
}

/** The SARIF log: one run of clpbuilder, every rule it knows, a result per finding. */
export function sarifLog(input: SarifInput): Log {
  const { findings, rules, language } = input;
  const uri = uriOf(input.base, input.file);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clpbuilder',
            version: packageJson.version,
            rules: rules.map((rule): ReportingDescriptor => ({
              id: rule.id,
              shortDescription: { text: ruleWording(rule, language).text },
              help: { text: ruleWording(rule, language).fix },
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { source: rule.source },
            })),
          },
        },
        results: findings.map((finding) => resultOf(finding, uri, input)),
      },
    ],
  };
}

function resultOf(finding: Finding, uri: string, input: SarifInput): Result {
  const { message, fix } = findingWording(finding, input.language);
  const place = input.placeOf(finding.path);
  const location: Location = {
    physicalLocation: {
      artifactLocation: { uri },
      ...(place ? { region: { startLine: place.line, startColumn: place.column } } : {}),
    },
    // The parameter path: what the app and `clpbuilder get` take.
    logicalLocations: [{ fullyQualifiedName: finding.path }],
  };
  const acknowledgement = input.acceptedBy.get(finding);
  const script = scriptLocation(finding, input);
  return {
    ruleId: finding.rule,
    ruleIndex: input.rules.findIndex((rule) => rule.id === finding.rule),
    level: LEVELS[finding.severity],
    message: { text: `${message}. ${fix}` },
    locations: [location],
    // A finding about a script's content: the script too, for the reader to open.
    ...(script ? { relatedLocations: [script] } : {}),
    // Accepted outside the checked file (project.json): code scanning shows it as dismissed.
    ...(acknowledgement ? { suppressions: [suppressionOf(acknowledgement)] } : {}),
    properties: { hasQuickFix: finding.hasQuickFix },
  };
}

function scriptLocation(finding: Finding, input: SarifInput): Location | undefined {
  if (finding.script === undefined || input.scripts === undefined) {
    return undefined;
  }
  const uri = uriOf(input.base, join(input.scripts, ...finding.script.split('/')));
  return {
    id: 1,
    physicalLocation: { artifactLocation: { uri } },
    message: { text: `scripts/${finding.script}` },
  };
}

/** A file's path as SARIF writes it: relative to `base`, with `/` on every OS. */
function uriOf(base: string, file: string): string {
  return relative(base, file).split(sep).join('/');
}

function suppressionOf(acknowledgement: Acknowledgement): Suppression {
  const by = acknowledgement.by === undefined ? '' : ` (${acknowledgement.by})`;
  return {
    kind: 'external',
    status: 'accepted',
    justification: `${acknowledgement.reason}${by}`,
  };
}
