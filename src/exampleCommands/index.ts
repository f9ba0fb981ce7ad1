/**
 * How to run each language's example: the files, the set-up, and the command for each step of the
 * flow, and the lines that set the environment the programs read. The guide prints these, and
 * tests/examples runs exactly these against the sandbox, so what the page tells readers to type is
 * what is tested.
 */

/**
 * The steps of the flow, in the order a reader runs them: the token's, then the API key's (made
 * with the token, then used instead of it).
 */
export const FLOW_STEPS = ['signIn', 'confirm', 'self', 'signOut', 'createKey', 'selfWithKey'] as const;
export type FlowStep = (typeof FLOW_STEPS)[number];

/** The code each `confirm` command carries: the sandbox's; readers type the one their app or SMS gives. */
export const EXAMPLE_CODE = '123456';

/** The name and the one scope each `create-key` command gives: reading one's own profile takes `accounts:read`. */
export const EXAMPLE_KEY = {name: 'nightly-export', scope: 'accounts:read'} as const;
const KEY_ARGUMENTS = `${EXAMPLE_KEY.name} ${EXAMPLE_KEY.scope}`;

/** One way to run a language's example, in a folder that holds only its files. */
export interface RunWay {
  /** The runtime, when a language has more than one way (C#); the guide shows the first one first. */
  runtime?: string;
  /** Once per folder: a virtual environment, a project, a compile. */
  setup: readonly string[];
  /** Once per shell, before the steps (a virtual environment's activation). */
  inEachShell: readonly string[];
  /** The command for each step. */
  steps: Readonly<Record<FlowStep, string>>;
}

export interface LanguageExample {
  /** The files under examples/ that the reader saves into one folder, by their base name. */
  files: readonly string[];
  /** The first is shown first; tests/examples runs every way whose toolchain is present. */
  ways: readonly RunWay[];
}

export type ExampleLanguage = 'curl' | 'node' | 'python' | 'csharp' | 'php' | 'java' | 'go';

/** A program with sub-commands: `<run> sign-in`, `<run> confirm 123456`, `<run> self`, …, `<run> self-with-key`. */
function subCommands(run: string): Record<FlowStep, string> {
  return {
    signIn: `${run} sign-in`,
    confirm: `${run} confirm ${EXAMPLE_CODE}`,
    self: `${run} self`,
    signOut: `${run} sign-out`,
    createKey: `${run} create-key ${KEY_ARGUMENTS}`,
    selfWithKey: `${run} self-with-key`,
  };
}

const MONO_COMPILE = 'mcs -r:System.Net.Http -r:System.Runtime.Serialization DocSpace.cs';

export const EXAMPLES: Readonly<Record<ExampleLanguage, LanguageExample>> = {
  // One script per step: each is a single curl call.
  curl: {
    files: ['curl/authenticate.sh', 'curl/confirm-code.sh', 'curl/get-self.sh', 'curl/sign-out.sh', 'curl/create-key.sh', 'curl/get-self-with-key.sh'],
    ways: [
      {
        setup: [],
        inEachShell: [],
        steps: {
          signIn: 'sh authenticate.sh',
          confirm: `sh confirm-code.sh ${EXAMPLE_CODE}`,
          self: 'sh get-self.sh',
          signOut: 'sh sign-out.sh',
          createKey: `sh create-key.sh ${KEY_ARGUMENTS}`,
          selfWithKey: 'sh get-self-with-key.sh',
        },
      },
    ],
  },
  node: {files: ['node/docspace.mjs'], ways: [{setup: [], inEachShell: [], steps: subCommands('node docspace.mjs')}]},
  // Standard library only: the virtual environment keeps whatever the reader adds later off the
  // system Python, which current Debian, Ubuntu and Homebrew refuse to pip-install into (PEP 668).
  python: {
    files: ['python/docspace.py'],
    ways: [{setup: ['python3 -m venv .venv'], inEachShell: ['. .venv/bin/activate   # PowerShell: .venv\\Scripts\\Activate.ps1'], steps: subCommands('python docspace.py')}],
  },
  csharp: {
    files: ['csharp/DocSpace.cs'],
    ways: [
      // A console project in the folder; its template's Program.cs would be a second entry point.
      {runtime: '.NET 8', setup: ['dotnet new console --framework net8.0 --output .', 'rm Program.cs'], inEachShell: [], steps: subCommands('dotnet run --')},
      // Debian has no .NET SDK: CI builds and runs the same file with Mono.
      {runtime: 'Mono', setup: [MONO_COMPILE], inEachShell: [], steps: subCommands('mono DocSpace.exe')},
    ],
  },
  php: {files: ['php/docspace.php'], ways: [{setup: [], inEachShell: [], steps: subCommands('php docspace.php')}]},
  java: {files: ['java/DocSpace.java'], ways: [{setup: [], inEachShell: [], steps: subCommands('java DocSpace.java')}]},
  // Naming the file needs no go.mod, so this works in a fresh folder (`go run .` would not).
  go: {files: ['go/docspace/main.go'], ways: [{setup: [], inEachShell: [], steps: subCommands('go run main.go')}]},
};

/**
 * The commands of one way, as the guide shows them: the set-up and the shell's preparation, then
 * the given steps; `withSetup: false` for a block that follows one that had them.
 */
export function runCommands(way: RunWay, steps: readonly FlowStep[], {withSetup = true} = {}): string {
  return [...(withSetup ? [...way.setup, ...way.inEachShell] : []), ...steps.map((step) => way.steps[step])].join('\n');
}

// --- The environment ------------------------------------------------------------------------------

export type Shell = 'bash' | 'powershell';

/**
 * The lines that set what the programs read, per shell, with the placeholders that
 * src/docspace/placeholders fills in (the guide with the reader's portal, user name and, on
 * opt-in, token and API key; the tests with the sandbox's). Single quotes in both shells: the values that
 * fillPlaceholders lets in need no escaping there. The password is asked for, never written.
 */
export const ENVIRONMENT: Readonly<Record<Shell, {credentials: string; token: string; apiKey: string}>> = {
  // bash and zsh alike: read -s does not echo what is typed.
  bash: {
    credentials: [
      "export DOCSPACE_PORTAL='https://yourportal.onlyoffice.com'",
      "export DOCSPACE_USER='yourusername'",
      "printf 'Password: '; read -rs DOCSPACE_PASSWORD; echo; export DOCSPACE_PASSWORD",
    ].join('\n'),
    token: "export DOCSPACE_TOKEN='yourtoken'",
    apiKey: "export DOCSPACE_API_KEY='yourapikey'",
  },
  // Windows PowerShell 5.1 and PowerShell 7: Read-Host -AsSecureString does not echo, and the
  // NetworkCredential turns its secure string back into text for the environment.
  powershell: {
    credentials: [
      "$env:DOCSPACE_PORTAL = 'https://yourportal.onlyoffice.com'",
      "$env:DOCSPACE_USER = 'yourusername'",
      "$env:DOCSPACE_PASSWORD = [Net.NetworkCredential]::new('', (Read-Host 'Password' -AsSecureString)).Password",
    ].join('\n'),
    token: "$env:DOCSPACE_TOKEN = 'yourtoken'",
    apiKey: "$env:DOCSPACE_API_KEY = 'yourapikey'",
  },
};
