/** Shared set-up for the sandbox contract tests: a sandbox on 127.0.0.1:0 per suite and small request helpers. */
import assert from 'node:assert/strict';
import {after, before} from 'node:test';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type SandboxServerOptions, startSandbox} from '../../servers/sandbox/node';

/** `expires` as portals write it: UTC, `Z`, seven fractional digits. */
export const EXPIRES_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A clock the tests move by hand, so expiry and lockout need no waiting. */
export class TestClock {
  #time: number;
  constructor(start = Date.UTC(2026, 0, 15, 10, 0, 0)) {
    this.#time = start;
  }
  readonly now = (): number => this.#time;
  advance(ms: number): void {
    this.#time += ms;
  }
}

export interface SuiteSandbox {
  readonly url: string;
  readonly clock: TestClock;
}

/** Starts one sandbox (with its own clock) before the suite and closes it after. */
export function useSandbox(options: SandboxServerOptions = {}): SuiteSandbox {
  const clock = new TestClock();
  let running: {url: string; close(): Promise<void>} | undefined;
  before(async () => {
    running = await startSandbox({now: clock.now, ...options, port: 0});
  });
  after(() => running?.close());
  return {
    get url() {
      assert.ok(running, 'the sandbox is not running yet');
      return running.url;
    },
    clock,
  };
}

export interface Answer {
  response: Response;
  text: string;
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: any;
}

export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {response, text, json};
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return call(url, {method: 'POST', headers: {'Content-Type': 'application/json', ...headers}, body: JSON.stringify(body)});
}

/** POST /api/2.0/authentication with the demo password unless told otherwise. */
export function signIn(base: string, userName: string, extra: Record<string, unknown> = {}): Promise<Answer> {
  return postJson(`${base}/api/2.0/authentication`, {userName, password: SANDBOX_PASSWORD, ...extra});
}

/** Signs in as a plain account and returns the token. */
export async function tokenFor(base: string, userName = 'demo'): Promise<string> {
  const answer = await signIn(base, userName);
  assert.equal(answer.response.status, 200);
  return answer.json.response.token;
}

export function self(base: string, authorization?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return call(`${base}/api/2.0/people/@self`, {headers: authorization ? {Authorization: authorization, ...headers} : headers});
}

/** A success envelope: `response`, `count` (a list's length), `links` naming this call, `status: 0`, `statusCode`. */
export function assertEnvelope(answer: Answer, url: string, method: string, statusCode = 200): void {
  assert.equal(answer.response.status, statusCode);
  assert.match(answer.response.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(answer.json.links, [{href: url, action: method}]);
  assert.equal(answer.json.status, 0);
  assert.equal(answer.json.statusCode, statusCode);
  const {response} = answer.json;
  assert.equal(answer.json.count, Array.isArray(response) ? response.length : 'response' in answer.json ? 1 : 0);
}

/** The error envelope, exactly: `{"error": {message, type: null, stack: null, hresult: 0}, "status": 1, "statusCode"}`. */
export function assertError(answer: Answer, statusCode: number, message: string | RegExp): void {
  assert.equal(answer.response.status, statusCode, answer.text);
  assert.match(answer.response.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(Object.keys(answer.json).sort(), ['error', 'status', 'statusCode']);
  assert.deepEqual(Object.keys(answer.json.error).sort(), ['hresult', 'message', 'stack', 'type']);
  if (typeof message === 'string') assert.equal(answer.json.error.message, message);
  else assert.match(answer.json.error.message, message);
  assert.equal(answer.json.error.type, null);
  assert.equal(answer.json.error.stack, null);
  assert.equal(answer.json.error.hresult, 0);
  assert.equal(answer.json.status, 1);
  assert.equal(answer.json.statusCode, statusCode);
}
