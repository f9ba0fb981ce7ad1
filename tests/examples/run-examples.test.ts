/**
 * Runs every example program under examples/ (the very files the guide renders) against the
 * sandbox portal, the way the guide tells readers to: the environment set with the guide's bash
 * block (src/exampleCommands ENVIRONMENT, filled as the page fills it), then each way's set-up
 * and the command of each step of the flow, and checks what it prints.
 *
 * A language whose toolchain is missing is skipped with a message saying what to install, except
 * under CI=true, where it fails: CI must prove every example the page shows. The one exception is
 * C# with `dotnet run`: Debian has no .NET SDK, so CI runs the same file with Mono instead.
 */
import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, statSync} from 'node:fs';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {type Server, createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, before, describe, it} from 'node:test';
import {SANDBOX_PASSWORD, findSandboxAccount} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {createKey, deleteKey, listKeys} from '../../src/docspace/keys';
import {PLACEHOLDERS, fillPlaceholders} from '../../src/docspace/placeholders';
import {ENVIRONMENT, EXAMPLES, EXAMPLE_CODE, EXAMPLE_KEY, FLOW_STEPS, type ExampleLanguage, type FlowStep, type RunWay} from '../../src/exampleCommands';

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');
const IN_CI = process.env.CI === 'true';
/** First compiles (Go, Java, C#) can take half a minute on a cold cache. */
const RUN_TIMEOUT_MS = 180_000;
const TEST_TIMEOUT_MS = 2 * RUN_TIMEOUT_MS;
/** Kept between runs so Go compiles its standard library once, not on every test run. */
const GO_CACHE_DIR = path.join(tmpdir(), 'docspace-examples-go');
/** How long every example waits for a silent portal before it gives up. */
const EXAMPLE_TIMEOUT_MS = 30_000;
/**
 * How long a run against a silent portal may take: the example's 30 s, plus starting on a busy
 * machine; below the 100 s that C#'s HttpClient waits by default, so a missing timeout is caught.
 */
const SILENT_RUN_TIMEOUT_MS = 80_000;

const DEMO = findSandboxAccount('demo')!;
const DEMO_DISPLAY_NAME = 'Dana Demo';
const AUTH_FAILED = 'User authentication failed';
const VARIABLES = ['DOCSPACE_PORTAL', 'DOCSPACE_USER', 'DOCSPACE_PASSWORD', 'DOCSPACE_TOKEN', 'DOCSPACE_API_KEY'] as const;
/** A scope the portal does not list: the guide's typo for accounts:read. */
const UNKNOWN_SCOPE = 'acounts:read';
/** The line every `lines` program prints, and cURL's exit codes, for each way a call can fail. */
const FAILURE = {
  wrongPassword: {line: `error: HTTP 401: ${AUTH_FAILED}`, exit: 1, curlExit: 22},
  emptyAnswer: {line: 'error: HTTP 401: (no error message)', exit: 1, curlExit: 22},
  unreachable: {line: /^error: cannot reach the portal: ./, exit: 1, curlExit: 7},
  silent: {line: 'error: the portal did not answer within 30 s', exit: 1, curlExit: 28},
  // Refused before sending: the cURL scripts say so themselves, with exit 2 (curl's codes are others).
  notDigits: {line: /^error: give the code from the app or the SMS, digits only: /, exit: 1, curlExit: 2},
  noStep: {line: 'error: say which step to run: sign-in, confirm <code>, self, sign-out, create-key <name> <scope>... or self-with-key', exit: 1, curlExit: 2},
  noKeyScopes: {line: /^error: give the key a name and its scopes: /, exit: 1, curlExit: 2},
  unknownScope: {line: `error: HTTP 400: Unknown permission: ${UNKNOWN_SCOPE}`, exit: 1, curlExit: 22},
} as const;
const notSet = (name: string) => ({line: `error: ${name} is not set`, exit: 1, curlExit: 2});
/** cURL's exit code when a script refuses to run: it prints its own `error: ...` line then. */
const SCRIPT_REFUSAL = 2;

/** What the sign-in of each second-factor account prints (the programs; cURL prints the JSON). */
const SECOND_FACTOR_LINES: Readonly<Record<string, RegExp>> = {
  'app-2fa': /^second factor required: run confirm <code> with the code your authenticator app shows$/,
  'app-setup': /^second factor not set up: add the key [A-Z2-7]+ to your authenticator app \(or open http:\/\/\S+\), then run confirm <code>$/,
  'sms-2fa': /^second factor required: run confirm <code> with the code sent by SMS to \+1 \*\*\* \*\*\* 12 34$/,
  'sms-setup': /^second factor not set up: open http:\/\/\S+ in a browser to confirm your phone number, then sign in again$/,
};

interface Toolchain {
  /** Why this machine cannot run it (with what to install), or undefined when it can. */
  missing(): string | undefined;
  /** Whether CI must have it: all but the .NET SDK, which Debian does not package. */
  inCi: boolean;
  /** What the toolchain needs in the environment here; never changes the commands. */
  env?: NodeJS.ProcessEnv;
}

interface Language {
  name: ExampleLanguage;
  /**
   * `lines`: prints `token: ...` / `displayName: ...` and reports failures as `error: ...` on
   * stderr. `answer`: prints the portal's JSON answer as it came, failures included (cURL).
   */
  prints: 'lines' | 'answer';
  /** The toolchain of each of its ways, by the way's runtime ('' for a language with one way). */
  toolchains: Readonly<Record<string, Toolchain>>;
}

/** Whether a toolchain command runs here, and what it printed (versions go to stdout or stderr). */
function probe(command: string, args: string[]): {ok: boolean; output: string} {
  const result = spawnSync(command, args, {encoding: 'utf8', timeout: 30_000});
  return {ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`};
}

function versionAtLeast(output: string, pattern: RegExp, [wantMajor, wantMinor]: [number, number]): boolean {
  const match = pattern.exec(output);
  if (!match) return false;
  const [major, minor = 0] = [Number(match[1]), Number(match[2] ?? 0)];
  return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

const LANGUAGES: Language[] = [
  {
    name: 'curl',
    prints: 'answer',
    toolchains: {
      '': {
        inCi: true,
        missing: () =>
          versionAtLeast(probe('curl', ['--version']).output, /^curl (\d+)\.(\d+)/, [7, 76])
            ? undefined
            : 'curl 7.76+ (for --fail-with-body) not found: apt-get install curl',
      },
    },
  },
  {
    name: 'node',
    prints: 'lines',
    // `node` is this very Node.js.
    toolchains: {'': {inCi: true, missing: () => undefined, env: {PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`}}},
  },
  {
    name: 'python',
    prints: 'lines',
    toolchains: {
      '': {
        inCi: true,
        // The guide's first command; Debian splits venv (and its pip) into its own package.
        missing: () => (probe('python3', ['-c', 'import ensurepip, venv']).ok ? undefined : 'python3 with venv not found: apt-get install python3-venv'),
      },
    },
  },
  {
    name: 'csharp',
    prints: 'lines',
    toolchains: {
      '.NET 8': {
        inCi: false,
        missing: () =>
          /^8\./m.test(probe('dotnet', ['--list-sdks']).output) ? undefined : '.NET 8 SDK not found (Debian has none; CI runs the same file with Mono)',
        env: {DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1'},
      },
      Mono: {
        inCi: true,
        missing: () => (probe('mcs', ['--version']).ok && probe('mono', ['--version']).ok ? undefined : 'mcs and mono not found: apt-get install mono-devel'),
      },
    },
  },
  {
    name: 'php',
    prints: 'lines',
    toolchains: {
      '': {
        inCi: true,
        missing: () =>
          probe('php', ['-r', 'exit(function_exists("curl_init") && function_exists("json_decode") && function_exists("ctype_digit") ? 0 : 1);']).ok
            ? undefined
            : 'php with the curl extension not found: apt-get install php-cli php-curl',
      },
    },
  },
  {
    name: 'java',
    prints: 'lines',
    toolchains: {
      '': {
        inCi: true,
        // The source launcher needs the compiler module, which a bare JRE lacks.
        missing: () =>
          versionAtLeast(probe('java', ['-version']).output, /version "(\d+)/, [17, 0]) && /^jdk\.compiler@/m.test(probe('java', ['--list-modules']).output)
            ? undefined
            : 'java 17+ (a JDK) not found: apt-get install openjdk-17-jdk-headless',
        // Only makes the JVM start faster (quick JIT, simple GC): about 3x on a busy two-core machine.
        // The launcher notes the variable on stderr, which is why failures are matched line by line.
        env: {JDK_JAVA_OPTIONS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC'},
      },
    },
  },
  {
    name: 'go',
    prints: 'lines',
    toolchains: {
      '': {
        inCi: true,
        missing: () => (versionAtLeast(probe('go', ['version']).output, /go(\d+)\.(\d+)/, [1, 18]) ? undefined : 'go 1.18+ not found: apt-get install golang'),
        // Offline and self-contained: no module downloads, no toolchain switching, no telemetry.
        env: {
          GOCACHE: path.join(GO_CACHE_DIR, 'build'),
          GOPATH: path.join(GO_CACHE_DIR, 'path'),
          GOPROXY: 'off',
          GOTOOLCHAIN: 'local',
          GOTELEMETRY: 'off',
        },
      },
    },
  },
];

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  /** From start to exit, in ms. */
  elapsedMs: number;
}

/** The environment of the programs: none of the variables they read, no proxies (traffic stays on 127.0.0.1), no test-runner state. */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, NO_PROXY: '*', no_proxy: '*'};
  for (const name of [...VARIABLES, 'NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) {
    delete env[name];
  }
  return {...env, ...extra};
}

/**
 * Runs a script in bash, as a reader's shell would, with `input` on its standard input. Past
 * `timeoutMs` the whole process group is killed (the shell and what it started), and `code` is null.
 */
function run(script: string, cwd: string, env: NodeJS.ProcessEnv, input: string, timeoutMs: number): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {cwd, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'], detached: true});
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdin.on('error', () => {}); // a program that exits without reading it
    child.stdin.end(input);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({code, stdout, stderr, elapsedMs: performance.now() - started});
    });
  });
}

/** What a reader has set, as the guide's bash blocks set it; the password is what they type at its prompt. */
interface Reader {
  portalOrigin: string;
  userName?: string;
  password?: string;
  token?: string;
  apiKey?: string;
}

/**
 * The guide's bash blocks for this reader, filled as the page fills them: the credentials, then
 * the token and the API key once there are some. The prompt's output is dropped so that stdout is the program's.
 */
function environmentScript({portalOrigin, userName = DEMO.userName, token, apiKey}: Reader): string {
  const lines = [`{\n${fillPlaceholders(ENVIRONMENT.bash.credentials, {portalOrigin, userName})}\n} >/dev/null`];
  if (token) lines.push(fillPlaceholders(ENVIRONMENT.bash.token, {token}));
  if (apiKey) lines.push(fillPlaceholders(ENVIRONMENT.bash.apiKey, {apiKey}));
  return lines.join('\n');
}

interface Prepared {
  language: Language;
  way: RunWay;
  toolchain: Toolchain;
  /** The folder holding the language's files, set up once with the way's set-up commands. */
  dir: string;
}

async function prepare(language: Language, way: RunWay, toolchain: Toolchain): Promise<Prepared> {
  const dir = await mkdtemp(path.join(tmpdir(), `docspace-example-${language.name}-`));
  for (const file of EXAMPLES[language.name].files) {
    const source = readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
    await writeFile(path.join(dir, path.posix.basename(file)), source);
  }
  for (const command of way.setup) {
    const finished = await run(command, dir, toolchain.env ?? {}, '', RUN_TIMEOUT_MS);
    assert.equal(finished.code, 0, `${command}\n${describeRun(finished)}`);
    // A build step that warns (mcs does so on stdout) fails here, as -warnaserror would.
    assert.doesNotMatch(`${finished.stdout}${finished.stderr}`, /warning/i, `${command} warned\n${describeRun(finished)}`);
  }
  return {language, way, toolchain, dir};
}

interface StepRun {
  /** The reader's environment, set with the guide's blocks; without it, `env` alone. */
  reader?: Reader;
  /** Variables set directly, for the cases the blocks cannot make (one of them missing). */
  env?: NodeJS.ProcessEnv;
  /** The guide's command with another code in place of the sandbox's. */
  code?: string;
  /** Instead of the step's command. */
  command?: string;
  timeoutMs?: number;
}

/** Runs one step of the flow as the guide prints it, in the prepared folder, in a shell of its own. */
function runStep(prepared: Prepared, step: FlowStep, {reader, env = {}, code, command, timeoutMs = RUN_TIMEOUT_MS}: StepRun): Promise<Finished> {
  let line = command ?? prepared.way.steps[step];
  if (code !== undefined) line = line.replace(` ${EXAMPLE_CODE}`, ` ${code}`);
  const script = [...(reader ? [environmentScript(reader)] : []), ...prepared.way.inEachShell, line].join('\n');
  return run(script, prepared.dir, {...prepared.toolchain.env, ...env}, `${reader?.password ?? SANDBOX_PASSWORD}\n`, timeoutMs);
}

async function signIn(sandbox: RunningSandbox, userName = DEMO.userName): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/authentication`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({userName, password: SANDBOX_PASSWORD}),
  });
}

async function demoToken(sandbox: RunningSandbox): Promise<string> {
  const response = await signIn(sandbox);
  assert.equal(response.status, 200);
  return (await response.json()).response.token;
}

async function getSelf(sandbox: RunningSandbox, token: string): Promise<Response> {
  return fetch(`${sandbox.url}/api/2.0/people/@self`, {headers: {Authorization: token, Accept: 'application/json'}});
}

function describeRun(finished: Finished): string {
  return `exit ${finished.code}\n--- stdout\n${finished.stdout}\n--- stderr\n${finished.stderr}`;
}

/** The value of `name: value` in the output of a `lines` program. */
function printed(stdout: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(stdout)?.[1];
}

/**
 * That the run failed the way contributing/examples.md promises: one `error: ...` line on stderr
 * and exit 1; cURL exits with its own code for the failures of the call itself.
 */
function assertFailure(language: Language, finished: Finished, failure: {line: string | RegExp; exit: number; curlExit: number}): void {
  const isCurl = language.prints === 'answer';
  assert.equal(finished.code, isCurl ? failure.curlExit : failure.exit, describeRun(finished));
  if (isCurl && failure.curlExit !== SCRIPT_REFUSAL) return;
  // Only the program's own lines: `go run` adds "exit status 1", the Java launcher a note.
  const errorLines = finished.stderr.split('\n').filter((line) => line.startsWith('error: '));
  assert.equal(errorLines.length, 1, describeRun(finished));
  if (typeof failure.line === 'string') assert.equal(errorLines[0], failure.line, describeRun(finished));
  else assert.match(errorLines[0], failure.line, describeRun(finished));
}

/** The profile a run printed: `displayName: ...` and `email: ...` for `lines` programs, cURL's JSON answer's. */
function printedProfile(language: Language, finished: Finished): {displayName?: string; email?: string} {
  if (language.prints === 'lines') return {displayName: printed(finished.stdout, 'displayName'), email: printed(finished.stdout, 'email')};
  const {displayName, email} = JSON.parse(finished.stdout).response;
  return {displayName, email};
}

/** A token from a run's output: `token: ...` for `lines` programs, response.token in cURL's JSON. */
function printedToken(language: Language, finished: Finished): {token?: string; expires?: string} {
  if (language.prints === 'lines') return {token: printed(finished.stdout, 'token'), expires: printed(finished.stdout, 'expires')};
  const {token, expires} = JSON.parse(finished.stdout).response;
  return {token, expires};
}

async function assertTokenWorks(sandbox: RunningSandbox, language: Language, finished: Finished): Promise<void> {
  assert.equal(finished.code, 0, describeRun(finished));
  const {token, expires} = printedToken(language, finished);
  assert.match(expires ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/, describeRun(finished));
  assert.ok(token, describeRun(finished));
  const self = await getSelf(sandbox, token);
  assert.equal(self.status, 200, `the printed token was refused: ${token}`);
  assert.ok((await self.json()).response.displayName, 'the profile has a name');
  if (language.prints === 'lines') assert.equal(finished.stderr.includes('error:'), false, describeRun(finished));
}

/** A 127.0.0.1 address where nothing listens: a port just freed. */
async function closedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** A portal that accepts every request and never answers. */
async function startSilentPortal(): Promise<{url: string; server: Server}> {
  const server = createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}

/** The files under examples/, sorted, with forward slashes; hidden files (.DS_Store, swap files) left out. */
function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR, {recursive: true, encoding: 'utf8'})
    .filter((relativePath) => !relativePath.split(path.sep).some((part) => part.startsWith('.')))
    .filter((relativePath) => statSync(path.join(EXAMPLES_DIR, relativePath)).isFile())
    .map((relativePath) => relativePath.split(path.sep).join('/'))
    .sort();
}

/** Every way of every language with its toolchain, probed once: the probes start compilers and runtimes. */
const WAYS = LANGUAGES.flatMap((language) =>
  EXAMPLES[language.name].ways.map((way) => {
    const toolchain = language.toolchains[way.runtime ?? ''];
    assert.ok(toolchain, `tests/examples knows no toolchain for ${language.name} ${way.runtime ?? ''}`);
    return {language, way, toolchain, missing: toolchain.missing(), title: `${language.name}${way.runtime ? ` (${way.runtime})` : ''}`};
  }),
);

/** For a missing toolchain: declares a failing (under CI, where it must be there) or skipped test, and returns false. */
function declareToolchain({title, toolchain, missing}: (typeof WAYS)[number]): boolean {
  if (!missing) return true;
  it(`${title} has its toolchain`, {skip: IN_CI && toolchain.inCi ? false : missing}, () => {
    assert.fail(`${missing} (CI=true: every example the guide shows must run in CI)`);
  });
  return false;
}

describe('the examples folder', () => {
  it('holds exactly the files the guide shows, and each language has a command for every step', () => {
    const listed = Object.values(EXAMPLES).flatMap((example) => example.files);
    assert.deepEqual(exampleFiles(), [...listed].sort(), 'add these to src/exampleCommands, or move them out of examples/');
    for (const [name, example] of Object.entries(EXAMPLES)) {
      for (const way of example.ways) assert.deepEqual(Object.keys(way.steps).sort(), [...FLOW_STEPS].sort(), name);
    }
  });

  it('keeps no credential in any source: every program reads the environment', () => {
    for (const file of exampleFiles()) {
      const source = readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
      for (const placeholder of Object.values(PLACEHOLDERS)) assert.ok(!source.includes(placeholder), `${file} holds ${placeholder}`);
      assert.ok(!source.includes(SANDBOX_PASSWORD), `${file} holds a password`);
    }
    for (const [name, {files}] of Object.entries(EXAMPLES)) {
      const sources = files.map((file) => readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')).join('\n');
      for (const variable of VARIABLES) assert.ok(sources.includes(variable), `${name} never reads ${variable}`);
    }
  });

  it('has a PowerShell block that sets what the bash block sets, the password asked for in both', () => {
    for (const part of ['credentials', 'token', 'apiKey'] as const) {
      const variables = (text: string) => [...text.matchAll(/DOCSPACE_[A-Z_]+/g)].map(([name]) => name);
      assert.deepEqual(new Set(variables(ENVIRONMENT.powershell[part])), new Set(variables(ENVIRONMENT.bash[part])), part);
    }
    assert.match(ENVIRONMENT.bash.credentials, /read -rs DOCSPACE_PASSWORD/);
    assert.match(ENVIRONMENT.powershell.credentials, /Read-Host 'Password' -AsSecureString/);
  });
});

// Two languages at a time: most of the time goes to starting compilers and runtimes, and the
// machines this runs on have two cores. Each way has its own sandbox, so they cannot interfere.
describe('the examples, run against the sandbox', {concurrency: 2}, () => {
  for (const entry of WAYS) {
    const {language, title} = entry;
    const isCurl = language.prints === 'answer';

    describe(`${title} examples`, () => {
      if (!declareToolchain(entry)) return;
      // One sandbox per way: its wrong-password runs must not add up with the others' toward the lockout.
      let sandbox: RunningSandbox;
      let prepared: Prepared;
      before(async () => {
        await mkdir(GO_CACHE_DIR, {recursive: true});
        sandbox = await startSandbox({port: 0, host: '127.0.0.1'});
        prepared = await prepare(language, entry.way, entry.toolchain);
      });
      after(async () => {
        await sandbox?.close();
        if (prepared) await rm(prepared.dir, {recursive: true, force: true});
      });
      const reader = (extra: Partial<Reader> = {}): Reader => ({portalOrigin: sandbox.url, ...extra});

      it(`${title}: sign-in prints a token that works`, {timeout: TEST_TIMEOUT_MS}, async () => {
        await assertTokenWorks(sandbox, language, await runStep(prepared, 'signIn', {reader: reader()}));
      });

      it(`${title}: sign-in reports a wrong password with the portal's message`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const finished = await runStep(prepared, 'signIn', {reader: reader({password: 'wrong-password'})});
        assertFailure(language, finished, FAILURE.wrongPassword);
        // cURL prints the answer, whose error.message says why.
        if (isCurl) assert.equal(JSON.parse(finished.stdout).error.message, AUTH_FAILED);
      });

      it(`${title}: sign-in asks for the second factor, and confirm trades the code for a token that works`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const asked = await runStep(prepared, 'signIn', {reader: reader({userName: 'app-2fa'})});
        assert.equal(asked.code, 0, describeRun(asked));
        if (isCurl) {
          // The answer as it is: `"tfa": true` and no token.
          const {response} = JSON.parse(asked.stdout);
          assert.equal(response.tfa, true);
          assert.equal(response.token, undefined);
        } else {
          assert.match(asked.stdout.trim(), SECOND_FACTOR_LINES['app-2fa'], describeRun(asked));
        }
        await assertTokenWorks(sandbox, language, await runStep(prepared, 'confirm', {reader: reader({userName: 'app-2fa'})}));
      });

      it(`${title}: confirm reports a code the portal does not accept`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const finished = await runStep(prepared, 'confirm', {reader: reader({userName: 'app-2fa'}), code: '000000'});
        assertFailure(language, finished, FAILURE.wrongPassword);
        if (isCurl) assert.equal(JSON.parse(finished.stdout).error.message, AUTH_FAILED);
      });

      it(`${title}: confirm refuses a code that is not digits, before sending it`, {timeout: TEST_TIMEOUT_MS}, async () => {
        // A quote would otherwise break the JSON it sends.
        const finished = await runStep(prepared, 'confirm', {reader: reader({userName: 'app-2fa'}), code: `'12"34'`});
        assertFailure(language, finished, FAILURE.notDigits);
        assert.equal(finished.stdout, '');
      });

      it(`${title}: self prints who the token belongs to`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const finished = await runStep(prepared, 'self', {reader: reader({token: await demoToken(sandbox)})});
        assert.equal(finished.code, 0, describeRun(finished));
        assert.deepEqual(printedProfile(language, finished), {displayName: DEMO_DISPLAY_NAME, email: DEMO.email}, describeRun(finished));
      });

      it(`${title}: self reports a bad token, whose 401 has no body`, {timeout: TEST_TIMEOUT_MS}, async () => {
        assertFailure(language, await runStep(prepared, 'self', {reader: reader({token: 'not-a-token'})}), FAILURE.emptyAnswer);
      });

      it(`${title}: sign-out ends the token's session`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const token = await demoToken(sandbox);
        const finished = await runStep(prepared, 'signOut', {reader: reader({token})});
        assert.equal(finished.code, 0, describeRun(finished));
        if (isCurl) assert.equal(JSON.parse(finished.stdout).statusCode, 200);
        else assert.equal(finished.stdout.trim(), 'signed out');
        assert.equal((await getSelf(sandbox, token)).status, 401, 'the token still works after signing out');
      });

      it(`${title}: create-key prints a key, once, and self-with-key calls the API with it`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const token = await demoToken(sandbox);
        const created = await runStep(prepared, 'createKey', {reader: reader({token})});
        assert.equal(created.code, 0, describeRun(created));
        const apiKey = (isCurl ? JSON.parse(created.stdout).response.key : printed(created.stdout, 'key')) ?? '';
        assert.match(apiKey, /^sk-/, describeRun(created));
        // The secret on one line, and a word that it will not come back (cURL: on stderr, its stdout is the JSON).
        assert.equal(created.stdout.split(apiKey).length - 1, 1, describeRun(created));
        assert.match(isCurl ? created.stderr : created.stdout, /only once/, describeRun(created));
        if (!isCurl) assert.equal(created.stderr.includes('error:'), false, describeRun(created));
        // One key, named and scoped as the command says: sent once.
        const listed = await listKeys({portal: sandbox.url, token});
        assert.ok(listed.ok, 'the keys could not be listed');
        const made = listed.keys.filter((key) => key.name === EXAMPLE_KEY.name).map(({keyPostfix, permissions}) => ({keyPostfix, permissions}));
        assert.deepEqual(made, [{keyPostfix: apiKey.slice(-4), permissions: [EXAMPLE_KEY.scope]}]);

        const self = await runStep(prepared, 'selfWithKey', {reader: reader({apiKey})});
        assert.equal(self.code, 0, describeRun(self));
        assert.deepEqual(printedProfile(language, self), {displayName: DEMO_DISPLAY_NAME, email: DEMO.email}, describeRun(self));
      });

      it(`${title}: create-key reports a scope the portal does not know, with its 400 message`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const command = prepared.way.steps.createKey.replace(` ${EXAMPLE_KEY.scope}`, ` ${UNKNOWN_SCOPE}`);
        const finished = await runStep(prepared, 'createKey', {reader: reader({token: await demoToken(sandbox)}), command});
        assertFailure(language, finished, FAILURE.unknownScope);
        if (isCurl) assert.equal(JSON.parse(finished.stdout).error.message, `Unknown permission: ${UNKNOWN_SCOPE}`);
      });

      it(`${title}: create-key refuses to send without a name and a scope`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const command = prepared.way.steps.createKey.replace(` ${EXAMPLE_KEY.scope}`, '');
        const finished = await runStep(prepared, 'createKey', {reader: reader({token: await demoToken(sandbox)}), command});
        assertFailure(language, finished, FAILURE.noKeyScopes);
        assert.equal(finished.stdout, '');
      });

      it(`${title}: self-with-key reports a deleted key, whose 401 has no body`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const token = await demoToken(sandbox);
        const created = await createKey({portal: sandbox.url, token, name: 'deleted before use', permissions: [EXAMPLE_KEY.scope]});
        assert.ok(created.ok, 'the key could not be created');
        assert.ok((await deleteKey({portal: sandbox.url, token, keyId: created.key.id})).ok, 'the key could not be deleted');
        assertFailure(language, await runStep(prepared, 'selfWithKey', {reader: reader({apiKey: created.key.key})}), FAILURE.emptyAnswer);
      });

      it(`${title}: names the variable that is not set, before sending anything`, {timeout: TEST_TIMEOUT_MS}, async () => {
        const all = {DOCSPACE_PORTAL: sandbox.url, DOCSPACE_USER: DEMO.userName, DOCSPACE_PASSWORD: SANDBOX_PASSWORD};
        for (const name of Object.keys(all) as (keyof typeof all)[]) {
          const env = {...all, [name]: ''};
          // cURL asks for a missing password instead; given nothing, it names the variable too.
          const finished = await runStep(prepared, 'signIn', {env, command: isCurl ? `${prepared.way.steps.signIn} </dev/null` : undefined});
          assertFailure(language, finished, notSet(name));
        }
        assertFailure(language, await runStep(prepared, 'self', {env: {DOCSPACE_PORTAL: sandbox.url}}), notSet('DOCSPACE_TOKEN'));
        assertFailure(language, await runStep(prepared, 'createKey', {env: {DOCSPACE_PORTAL: sandbox.url}}), notSet('DOCSPACE_TOKEN'));
        // A working token beside it: self-with-key must not fall back to it.
        const withToken = {DOCSPACE_PORTAL: sandbox.url, DOCSPACE_TOKEN: await demoToken(sandbox)};
        assertFailure(language, await runStep(prepared, 'selfWithKey', {env: withToken}), notSet('DOCSPACE_API_KEY'));
      });

      it(`${title}: reports a portal it cannot reach`, {timeout: TEST_TIMEOUT_MS}, async () => {
        assertFailure(language, await runStep(prepared, 'signIn', {reader: {portalOrigin: await closedOrigin()}}), FAILURE.unreachable);
      });

      if (isCurl) {
        it(`${title}: authenticate.sh asks for the password when DOCSPACE_PASSWORD is not set`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await runStep(prepared, 'signIn', {env: {DOCSPACE_PORTAL: sandbox.url, DOCSPACE_USER: DEMO.userName}});
          assert.match(finished.stderr, /^Password for demo: $/m);
          await assertTokenWorks(sandbox, language, finished);
        });

        it(`${title}: authenticate.sh does not echo the password typed at a terminal`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const finished = await typeAtTerminal(prepared, sandbox.url);
          assert.match(finished.stdout, /"token":/, describeRun(finished));
          assert.ok(!finished.stdout.includes(SANDBOX_PASSWORD), `the password was echoed\n${describeRun(finished)}`);
        });
      } else {
        it(`${title}: sign-in says what each kind of second factor needs`, {timeout: TEST_TIMEOUT_MS}, async () => {
          for (const [userName, line] of Object.entries(SECOND_FACTOR_LINES)) {
            const finished = await runStep(prepared, 'signIn', {reader: reader({userName})});
            assert.equal(finished.code, 0, describeRun(finished));
            assert.match(finished.stdout.trim(), line, `${userName}\n${describeRun(finished)}`);
          }
        });

        it(`${title}: without a step, says which steps there are`, {timeout: TEST_TIMEOUT_MS}, async () => {
          const command = prepared.way.steps.self.replace(/ self$/, '');
          assertFailure(language, await runStep(prepared, 'self', {reader: reader(), command}), FAILURE.noStep);
        });
      }
    });
  }
});

/**
 * Runs authenticate.sh on a terminal (util-linux `script` gives it one) and types the password once
 * it asks: what the terminal shows comes back as stdout.
 */
function typeAtTerminal(prepared: Prepared, portalOrigin: string): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const env = childEnv({DOCSPACE_PORTAL: portalOrigin, DOCSPACE_USER: DEMO.userName});
    const child = spawn('script', ['--quiet', '--return', '--command', prepared.way.steps.signIn, '/dev/null'], {cwd: prepared.dir, env, stdio: ['pipe', 'pipe', 'pipe']});
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    let stdout = '';
    let stderr = '';
    let typed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // Typed only once the prompt shows, as a reader would: echo is off by then.
      if (!typed && stdout.includes('Password for demo: ')) {
        typed = true;
        child.stdin.write(`${SANDBOX_PASSWORD}\n`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({code, stdout, stderr, elapsedMs: performance.now() - started});
    });
  });
}

// All at once: the programs mostly wait on the silent portal, so this takes about 30 s in all.
describe('every example gives up on a portal that does not answer, after 30 s', {concurrency: true}, () => {
  let silent: {url: string; server: Server};
  const prepared = new Map<(typeof WAYS)[number], Promise<Prepared>>();
  before(async () => {
    await mkdir(GO_CACHE_DIR, {recursive: true});
    silent = await startSilentPortal();
  });
  after(async () => {
    silent.server.closeAllConnections();
    silent.server.close();
    for (const folder of prepared.values()) await rm((await folder).dir, {recursive: true, force: true});
  });

  for (const entry of WAYS) {
    if (entry.missing) continue; // reported by the suite above
    // cURL has a script, and so a timeout, per step; the programs share one call for every step.
    const steps: readonly FlowStep[] = entry.language.prints === 'answer' ? FLOW_STEPS : ['signIn'];
    for (const step of steps) {
      it(`${entry.title}: ${entry.way.steps[step]} stops waiting and says so`, {timeout: TEST_TIMEOUT_MS}, async () => {
        if (!prepared.has(entry)) prepared.set(entry, prepare(entry.language, entry.way, entry.toolchain));
        const folder = await prepared.get(entry)!;
        const finished = await runStep(folder, step, {reader: {portalOrigin: silent.url, token: 'some-token', apiKey: 'sk-some-key'}, timeoutMs: SILENT_RUN_TIMEOUT_MS});
        assertFailure(entry.language, finished, FAILURE.silent);
        // The program's own clock starts after its runtime does, so it cannot be quicker than this.
        assert.ok(finished.elapsedMs >= EXAMPLE_TIMEOUT_MS - 1_000, `gave up after ${Math.round(finished.elapsedMs)} ms`);
      });
    }
  }
});
