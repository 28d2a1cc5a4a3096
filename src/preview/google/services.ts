/** Session, Utilities and PropertiesService, shaped like Apps Script's, running on Node. */
import { createHash, randomUUID } from 'node:crypto';
import { isDateObject, zoneOffsetMs } from './cellValues';

export interface SessionOptions {
  email: string;
  locale: string;
  timeZone: string;
}

export function createSession(options: SessionOptions) {
  const user = { getEmail: () => options.email };
  return {
    getActiveUser: () => user,
    getEffectiveUser: () => user,
    getActiveUserLocale: () => options.locale,
    getScriptTimeZone: () => options.timeZone,
    getTemporaryActiveUserKey: () => 'fake-user-key',
  };
}

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Apps Script digests are Java bytes: signed, -128..127. */
function signedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

export const Utilities = {
  DigestAlgorithm: { MD2: 'MD2', MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256', SHA_384: 'SHA_384', SHA_512: 'SHA_512' },
  Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },

  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
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

/** Apps Script refuses a property value over 9 kB; the fake does too, so oversized records fail in tests. */
const MAX_VALUE_BYTES = 9 * 1024;

export class FakeProperties {
  readonly _values = new Map<string, string>();

  getProperty(key: string): string | null {
    const value = this._values.get(String(key));
    return value === undefined ? null : value;
  }

  setProperty(key: string, value: unknown): FakeProperties {
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) throw new Error('Argument too large: value');
    this._values.set(String(key), text);
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this._values.clear();
    Object.keys(properties).forEach((key) => this.setProperty(key, properties[key]));
    return this;
  }

  getProperties(): Record<string, string> {
    const out: Record<string, string> = {};
    this._values.forEach((value, key) => (out[key] = value));
    return out;
  }

  getKeys(): string[] {
    return Array.from(this._values.keys());
  }

  deleteProperty(key: string): FakeProperties {
    this._values.delete(String(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this._values.clear();
    return this;
  }
}

export function createPropertiesService(document: FakeProperties, script: FakeProperties, user: FakeProperties) {
  return {
    getDocumentProperties: () => document,
    getScriptProperties: () => script,
    getUserProperties: () => user,
  };
}
