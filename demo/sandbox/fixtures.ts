// Fixture loading: the default license set ships as fixtures.json (bundled, so the CLI works
// from run-ts's temporary bundle too); `--fixtures <file>` loads another file. Everything is
// validated up front so a broken fixture fails at start with a message naming the bad path.
import { readFileSync } from 'node:fs';
import defaults from './fixtures.json';

export interface GroupFixture {
  id: number;
  name: string;
}

export interface AgentFixture {
  id: string;
  name: string;
  token: string;
  avatar?: string;
  job_title?: string;
  is_bot?: boolean;
  groups: number[];
  permission?: string;
}

/** A form as `get_form` returns it (`{id, fields[]}`); fields are passed through as written. */
export interface FormFixture {
  id: string;
  fields: Array<Record<string, unknown> & { id: string; type: string }>;
}

export interface GreetingFixture {
  id: number;
  unique_id: string;
  text: string;
  agent_id: string;
}

export interface UrlDetailsFixture {
  title: string;
  description: string;
  image_url: string;
  image_width: number;
  image_height: number;
}

export interface LicenseFixture {
  id: number;
  groups: GroupFixture[];
  agents: AgentFixture[];
  /** Forms by group id (as a string key) and type. */
  forms: Record<string, { prechat?: FormFixture; postchat?: FormFixture }>;
  greeting?: GreetingFixture;
  global_properties?: Record<string, unknown>;
  /**
   * What every new customer's `customer_side_storage` starts with: any JSON values (numbers,
   * arrays, nested objects), so clients are shown non-string side storage to send back unchanged.
   */
  side_storage?: Record<string, unknown>;
  /** Answers of `get_url_details`, by exact URL: the sandbox never fetches the network. */
  url_details?: Record<string, UrlDetailsFixture>;
}

export interface Fixtures {
  licenses: LicenseFixture[];
}

const FIELD_TYPES = new Set(['header', 'name', 'email', 'question', 'textarea', 'radio', 'select', 'checkbox', 'group_chooser', 'rating']);

function fail(path: string, expected: string): never {
  throw new Error(`invalid fixtures: ${path} ${expected}`);
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'must be an object');
  return v as Record<string, unknown>;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'must be an array');
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v === '') fail(path, 'must be a non-empty string');
  return v;
}

function int(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(path, 'must be an integer');
  return v;
}

function checkForm(v: unknown, path: string): void {
  const form = obj(v, path);
  str(form.id, `${path}.id`);
  arr(form.fields, `${path}.fields`).forEach((f, i) => {
    const field = obj(f, `${path}.fields[${i}]`);
    str(field.id, `${path}.fields[${i}].id`);
    if (!FIELD_TYPES.has(str(field.type, `${path}.fields[${i}].type`))) fail(`${path}.fields[${i}].type`, 'is not a get_form field type');
  });
}

function checkLicense(v: unknown, path: string, tokens: Set<string>): void {
  const lic = obj(v, path);
  int(lic.id, `${path}.id`);
  const groupIds = new Set(arr(lic.groups, `${path}.groups`).map((g, i) => {
    str(obj(g, `${path}.groups[${i}]`).name, `${path}.groups[${i}].name`);
    return int((g as GroupFixture).id, `${path}.groups[${i}].id`);
  }));
  const agentIds = new Set<string>();
  arr(lic.agents, `${path}.agents`).forEach((a, i) => {
    const p = `${path}.agents[${i}]`;
    const agent = obj(a, p);
    agentIds.add(str(agent.id, `${p}.id`));
    str(agent.name, `${p}.name`);
    const token = str(agent.token, `${p}.token`);
    if (tokens.has(token)) fail(`${p}.token`, 'is used twice');
    tokens.add(token);
    arr(agent.groups, `${p}.groups`).forEach((g, j) => {
      if (!groupIds.has(int(g, `${p}.groups[${j}]`))) fail(`${p}.groups[${j}]`, 'is not a group of the license');
    });
  });
  for (const [group, forms] of Object.entries(obj(lic.forms ?? {}, `${path}.forms`))) {
    if (!groupIds.has(Number(group))) fail(`${path}.forms.${group}`, 'is not a group of the license');
    const f = obj(forms, `${path}.forms.${group}`);
    if (f.prechat !== undefined) checkForm(f.prechat, `${path}.forms.${group}.prechat`);
    if (f.postchat !== undefined) checkForm(f.postchat, `${path}.forms.${group}.postchat`);
  }
  if (lic.greeting !== undefined) {
    const g = obj(lic.greeting, `${path}.greeting`);
    int(g.id, `${path}.greeting.id`);
    str(g.text, `${path}.greeting.text`);
    if (!agentIds.has(str(g.agent_id, `${path}.greeting.agent_id`))) fail(`${path}.greeting.agent_id`, 'is not an agent of the license');
  }
  if (lic.side_storage !== undefined) obj(lic.side_storage, `${path}.side_storage`);
  for (const [url, details] of Object.entries(obj(lic.url_details ?? {}, `${path}.url_details`))) {
    str(obj(details, `${path}.url_details[${url}]`).title, `${path}.url_details[${url}].title`);
  }
}

/**
 * Validates a fixtures value and returns it typed; throws an Error naming the first bad path.
 * @example
 * const fixtures = validateFixtures(JSON.parse(text));
 */
export function validateFixtures(value: unknown): Fixtures {
  const root = obj(value, 'root');
  const tokens = new Set<string>();
  const ids = new Set<number>();
  arr(root.licenses, 'licenses').forEach((lic, i) => {
    checkLicense(lic, `licenses[${i}]`, tokens);
    const id = (lic as LicenseFixture).id;
    if (ids.has(id)) fail(`licenses[${i}].id`, 'is used twice');
    ids.add(id);
  });
  return structuredClone(value) as Fixtures;
}

/**
 * The fixtures to run with: the given JSON file, or the bundled default (license 12345).
 * @example
 * const fixtures = loadFixtures();            // default
 * const custom = loadFixtures('my-fixtures.json');
 */
export function loadFixtures(file?: string): Fixtures {
  if (file === undefined) return validateFixtures(defaults);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read fixtures file ${file}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`fixtures file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  return validateFixtures(value);
}
