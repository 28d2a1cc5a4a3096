/** Session, ScriptApp, Utilities and PropertiesService, shaped like Apps Script's, running on Node. */
import { createHash, randomUUID } from 'node:crypto';
import { CallLog } from './calls';
import { isDateObject, zoneOffsetMs } from './cellValues';
import type { Checked } from './checked';

/** The user as Session sees them; the object is read on every call, so a test can change it between calls. */
export interface SessionState {
  locale: string;
  timeZone: string;
  /** Apps Script's temporary key of the active user: unique per user and script, rotated every 30 days. */
  userKey: string;
  /** The user's address, for a script that has the userinfo.email scope. */
  email: string;
}

export const EMAIL_SCOPE = 'https://www.googleapis.com/auth/userinfo.email';

/** Session without the userinfo.email scope refuses the user's identity, as Apps Script does. */
export function createSession(state: SessionState, consent: ConsentState) {
  const user = (method: string) => {
    if (consent.granted.indexOf(EMAIL_SCOPE) < 0)
      throw new Error(`You do not have permission to call Session.${method}. Required permissions: ${EMAIL_SCOPE}`);
    return { getEmail: () => state.email };
  };
  const session: Checked<GoogleAppsScript.Base.Session, 'getActiveUserLocale' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUser' | 'getEffectiveUser'> = {
    getActiveUser: () => user('getActiveUser'),
    getEffectiveUser: () => user('getEffectiveUser'),
    getActiveUserLocale: () => state.locale,
    getScriptTimeZone: () => state.timeZone,
    getTemporaryActiveUserKey: () => state.userKey,
  };
  return session;
}

/** A fresh temporary key, shaped like Apps Script's (opaque, URL-safe). */
export function temporaryUserKey(): string {
  return randomUUID().replace(/-/g, '');
}

/** Which scopes the user granted: with granular consent, possibly fewer than the manifest asks for. */
export interface ConsentState {
  required: string[];
  granted: string[];
  /** How many times an execution stopped to show the consent screen. */
  prompts: number;
}

export const AUTHORIZATION_REQUIRED = 'Authorization is required to perform that action.';

export function createScriptApp(consent: ConsentState) {
  const require = (scopes: string[]) => {
    if (scopes.every((scope) => consent.granted.indexOf(scope) >= 0)) return;
    // Apps Script ends the execution here and shows the consent screen for the missing scopes.
    consent.prompts += 1;
    throw new Error(AUTHORIZATION_REQUIRED);
  };
  const scriptApp: Checked<GoogleAppsScript.Script.ScriptApp, 'requireAllScopes' | 'requireScopes'> & { AuthMode: Record<string, string> } = {
    AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' },
    requireAllScopes: (_authMode: unknown) => require(consent.required),
    requireScopes: (_authMode: unknown, scopes: string[]) => require(scopes),
  };
  return scriptApp;
}

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Apps Script digests are Java bytes: signed, -128..127. */
function signedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

const utilityMethods: Checked<GoogleAppsScript.Utilities.Utilities, 'computeDigest' | 'formatDate' | 'getUuid' | 'sleep'> = {
  computeDigest(algorithm: unknown, value: string | number[], charset?: unknown): number[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) throw new Error(`Unsupported digest algorithm: ${algorithm}`);
    const bytes =
      typeof value === 'string'
        ? Buffer.from(value, charset === 'US_ASCII' ? 'latin1' : 'utf8')
        : Buffer.from(Array.from(value, (b) => b & 0xff));
    return signedBytes(createHash(name).update(bytes).digest());
  },

  /** The Java SimpleDateFormat letters the add-on uses: yyyy MM dd HH mm ss SSS, 'quoted' text. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDateObject(date)) throw new Error('formatDate: the first argument must be a Date');
    const wall = new Date(date.getTime() + zoneOffsetMs(timeZone, date.getTime()));
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const fields: Record<string, string> = {
      yyyy: String(wall.getUTCFullYear()),
      yy: pad(wall.getUTCFullYear() % 100),
      MM: pad(wall.getUTCMonth() + 1),
      M: String(wall.getUTCMonth() + 1),
      dd: pad(wall.getUTCDate()),
      d: String(wall.getUTCDate()),
      HH: pad(wall.getUTCHours()),
      H: String(wall.getUTCHours()),
      mm: pad(wall.getUTCMinutes()),
      ss: pad(wall.getUTCSeconds()),
      SSS: pad(wall.getUTCMilliseconds(), 3),
    };
    return format.replace(/'([^']*)'|yyyy|yy|MM|M|dd|d|HH|H|mm|ss|SSS/g, (token, quoted) =>
      quoted !== undefined ? quoted : fields[token],
    );
  },

  getUuid: () => randomUUID(),
  sleep: (_ms: number) => undefined,
};

export const Utilities = {
  DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
  Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
  ...utilityMethods,
};

/**
 * Google's documented limits (Apps Script quotas): 9 KB a value, 500 KB a property store. A
 * measurement (tanaike, 2023) found the store counts keys and values together, up to
 * 524,287 bytes; the fake counts both and stops at 500 KB, never kinder than Google.
 */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;
export const STORE_FULL_MESSAGE = 'You have exceeded the property storage quota. Please remove some properties and try again.';

type PropertiesMethods = 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties';

export class FakeProperties implements Checked<GoogleAppsScript.Properties.Properties, PropertiesMethods> {
  readonly _values = new Map<string, string>();

  constructor(readonly _calls: CallLog = new CallLog()) {}

  /** Bytes the store holds: every key and value in UTF-8. */
  _bytes(): number {
    let bytes = 0;
    this._values.forEach((value, key) => (bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8')));
    return bytes;
  }

  private _fits(changes: Record<string, string>, deleteAllOthers: boolean): void {
    let bytes = deleteAllOthers ? 0 : this._bytes();
    Object.keys(changes).forEach((key) => {
      const value = changes[key];
      if (Buffer.byteLength(value, 'utf8') > MAX_PROPERTY_VALUE_BYTES) throw new Error('Argument too large: value');
      const old = deleteAllOthers ? undefined : this._values.get(key);
      if (old !== undefined) bytes -= Buffer.byteLength(key, 'utf8') + Buffer.byteLength(old, 'utf8');
      bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
    });
    if (bytes > MAX_PROPERTY_STORE_BYTES) throw new Error(STORE_FULL_MESSAGE);
  }

  getProperty(key: string): string | null {
    this._calls.count('Properties.getProperty');
    const value = this._values.get(String(key));
    return value === undefined ? null : value;
  }

  setProperty(key: string, value: string): FakeProperties {
    this._calls.count('Properties.setProperty');
    const text = String(value);
    this._fits({ [String(key)]: text }, false);
    this._values.set(String(key), text);
    return this;
  }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): FakeProperties {
    this._calls.count('Properties.setProperties');
    const texts: Record<string, string> = {};
    Object.keys(properties).forEach((key) => (texts[key] = String(properties[key])));
    this._fits(texts, deleteAllOthers);
    if (deleteAllOthers) this._values.clear();
    Object.keys(texts).forEach((key) => this._values.set(key, texts[key]));
    return this;
  }

  getProperties(): Record<string, string> {
    this._calls.count('Properties.getProperties');
    const out: Record<string, string> = {};
    this._values.forEach((value, key) => (out[key] = value));
    return out;
  }

  getKeys(): string[] {
    this._calls.count('Properties.getKeys');
    return Array.from(this._values.keys());
  }

  deleteProperty(key: string): FakeProperties {
    this._calls.count('Properties.deleteProperty');
    this._values.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this._calls.count('Properties.deleteAllProperties');
    this._values.clear();
    return this;
  }
}

export function createPropertiesService(document: FakeProperties, script: FakeProperties, user: FakeProperties) {
  const service: Checked<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'> = {
    getDocumentProperties: () => document,
    getScriptProperties: () => script,
    getUserProperties: () => user,
  };
  return service;
}
