/**
 * How to run each example program, in a folder that holds only that file. The guide prints these
 * commands under each example, and tests/examples runs exactly these against the sandbox, so what
 * the page tells readers to type is what is tested.
 */

export interface RunSteps {
  /**
   * Installs a library the program imports, once per machine. Shown to readers; the tests run
   * offline, so they check that the library is there instead of running this.
   */
  install?: string;
  /** Run in order, in the folder that holds the file. */
  run: readonly string[];
}

const MONO_COMPILE = 'mcs -r:System.Net.Http -r:System.Runtime.Serialization';

/** Keyed by the file's path under examples/. */
export const EXAMPLE_COMMANDS: Readonly<Record<string, RunSteps>> = {
  'curl/authenticate.sh': {run: ['sh authenticate.sh']},
  'curl/confirm-code.sh': {run: ['sh confirm-code.sh 123456']},
  'curl/get-self.sh': {run: ['sh get-self.sh']},
  'curl/sign-out.sh': {run: ['sh sign-out.sh']},
  'node/authenticate.mjs': {run: ['node authenticate.mjs']},
  'node/get-self.mjs': {run: ['node get-self.mjs']},
  'python/authenticate.py': {install: 'pip install requests', run: ['python3 authenticate.py']},
  'python/get_self.py': {install: 'pip install requests', run: ['python3 get_self.py']},
  // Mono, as CI runs it; on .NET 6+ the file also works as the Program.cs of a console project.
  'csharp/Authenticate.cs': {run: [`${MONO_COMPILE} Authenticate.cs`, 'mono Authenticate.exe']},
  'csharp/GetSelf.cs': {run: [`${MONO_COMPILE} GetSelf.cs`, 'mono GetSelf.exe']},
  'php/authenticate.php': {run: ['php authenticate.php']},
  'php/get-self.php': {run: ['php get-self.php']},
  'java/Authenticate.java': {run: ['java Authenticate.java']},
  'java/GetSelf.java': {run: ['java GetSelf.java']},
  // Naming the file needs no go.mod, so this works in a fresh folder (`go run .` would not).
  'go/authenticate/main.go': {run: ['go run main.go']},
  'go/get-self/main.go': {run: ['go run main.go']},
};

/** The commands for one example file, one per line, as the guide shows them. */
export function runCommands(examplePath: string): string {
  const steps = EXAMPLE_COMMANDS[examplePath];
  if (!steps) throw new Error(`No run commands for examples/${examplePath}: add them to EXAMPLE_COMMANDS.`);
  return [...(steps.install ? [steps.install] : []), ...steps.run].join('\n');
}
