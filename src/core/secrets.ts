/**
 * The one secret scrubber of the process. Every place that reads a credential (action inputs, the
 * environment variables promote.yaml names, SMTP and webhook URLs, proxy URLs, auth headers)
 * registers it here; every surface that text leaves the process through (log, job summary,
 * outputs, facts, Slack, email, GitHub deployment statuses and comments, the CLI's terminal,
 * error messages) passes through {@link scrubSecrets}. The runner masks registered values in the
 * log only; a server that echoes a request back puts the token into an error message, and from
 * there into every other surface, so each of them is scrubbed here as well.
 */

export const REDACTED = '***'

/**
 * Values shorter than this are not scrubbed: replacing every "ok" or "1" would garble output
 * without hiding anything worth hiding (the runner's own masking still covers them in the log).
 */
export const MIN_SECRET_LENGTH = 4

/**
 * An authorization header echoed back by a server (`Bearer <x>`, `Basic <x>`), even for a
 * credential this process never registered (one read by another step). The credential must
 * contain a digit, so prose such as "Basic auth" stays as it is.
 */
const AUTH_HEADER_VALUE =
  /\b(Bearer|Basic)(\s+|%20|\+)(?=[A-Za-z0-9._~+/-]*\d)[A-Za-z0-9._~+/-]{8,}=*/gi

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')
const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The ways a value is commonly written out: as is, JSON-escaped, URL-encoded, base64. */
function writtenForms(value: string): string[] {
  const forms = [value, value.trim(), JSON.stringify(value).slice(1, -1)]
  forms.push(encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+'))
  const encoded = base64(value)
  // Unpadded too: the padding depends on what follows when the value is part of a longer blob.
  forms.push(encoded, encoded.replace(/=+$/, ''), base64url(value))
  return forms
}

export class SecretScrubber {
  private readonly forms = new Set<string>()
  private readonly listeners: Array<(form: string) => void> = []
  private pattern: RegExp | undefined

  /** Registers a secret and the forms it is written in (and, for a URL, its credentials). */
  add(secret: string | undefined): void {
    if (!secret || secret.trim().length < MIN_SECRET_LENGTH) return
    for (const form of writtenForms(secret)) this.addForm(form)
    this.addUrlParts(secret.trim())
  }

  /**
   * Registers Basic credentials: the password and the base64 of `user:password` that the header
   * carries. The user name alone is not a secret (it is part of MLRun project names).
   */
  addBasic(username: string, password: string): void {
    this.add(password)
    const pair = `${username}:${password}`
    if (pair.length < MIN_SECRET_LENGTH) return
    const encoded = base64(pair)
    for (const form of [
      encoded,
      encoded.replace(/=+$/, ''),
      encodeURIComponent(encoded),
      base64url(pair)
    ])
      this.addForm(form)
  }

  /** Registers the credential of an authorization header value (`Bearer x`, `Basic x`, `x`). */
  addAuthorization(value: string | undefined): void {
    if (!value) return
    const match = /^\s*(?:Bearer|Basic|token)\s+(.+)$/i.exec(value)
    this.add(match ? match[1] : value)
    if (match && /^Basic$/i.test(value.trim().split(/\s+/)[0] ?? '')) {
      const decoded = Buffer.from(match[1]!.trim(), 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      if (colon > 0) this.add(decoded.slice(colon + 1))
    }
  }

  /** Calls `listener` with every form registered so far and every form registered later. */
  onAdd(listener: (form: string) => void): () => void {
    for (const form of this.forms) listener(form)
    this.listeners.push(listener)
    return () => {
      const index = this.listeners.indexOf(listener)
      if (index >= 0) this.listeners.splice(index, 1)
    }
  }

  /** Text with every registered secret, in any of its forms, and echoed auth headers replaced. */
  scrub(text: string): string {
    if (!text) return text
    let out = text
    if (this.forms.size) {
      this.pattern ??= new RegExp(
        [...this.forms]
          .sort((a, b) => b.length - a.length)
          .map(form => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|'),
        'g'
      )
      out = out.replace(this.pattern, REDACTED)
    }
    return out.replace(AUTH_HEADER_VALUE, `$1$2${REDACTED}`)
  }

  /** A JSON-like value with every string in it (keys too) scrubbed. */
  scrubValue<T>(value: T): T {
    if (typeof value === 'string') return this.scrub(value) as T
    if (Array.isArray(value)) return value.map(item => this.scrubValue(item)) as T
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [this.scrub(key), this.scrubValue(item)])
      ) as T
    }
    return value
  }

  /** Whether any registered secret (or an auth header value) occurs in `text`. */
  leaks(text: string): boolean {
    return this.scrub(text) !== text
  }

  private addForm(form: string): void {
    if (form.length < MIN_SECRET_LENGTH || this.forms.has(form)) return
    this.forms.add(form)
    this.pattern = undefined
    for (const listener of this.listeners) listener(form)
  }

  /** A URL's credentials (SMTP, proxy) and a credential-free URL's path (a webhook's secret). */
  private addUrlParts(value: string): void {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return
    }
    if (url.password) {
      for (const password of new Set([url.password, safeDecode(url.password)])) this.add(password)
      this.addBasic(safeDecode(url.username), safeDecode(url.password))
    } else if (url.username) {
      // https://TOKEN@host: the user part is the token.
      this.add(safeDecode(url.username))
    } else if (url.pathname.length >= 16) {
      // A Slack webhook's secret is its path; a server may echo the path alone.
      this.add(url.pathname + url.search)
    }
  }
}

/** The process's scrubber: shared by the actions, the CLI and the adapters. */
export const secrets = new SecretScrubber()

export const registerSecret = (value: string | undefined): void => secrets.add(value)
export const registerBasicCredentials = (username: string, password: string): void =>
  secrets.addBasic(username, password)
export const scrubSecrets = (text: string): string => secrets.scrub(text)
export const scrubSecretsIn = <T>(value: T): T => secrets.scrubValue(value)
