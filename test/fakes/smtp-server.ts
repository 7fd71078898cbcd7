/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives, and a
 * small MIME reader for the assertions (no mail parser is installed: headers with folding and
 * RFC 2047 encoded words, multipart bodies, base64 and quoted-printable, UTF-8).
 *
 * Usage:
 *   const smtp = await startSmtpServer({ auth: { user: 'bot', pass: 's3cret' } })
 *   env.SMTP_URL = smtp.url            // smtp://bot:s3cret@127.0.0.1:PORT
 *   ... send ...
 *   const [mail] = smtp.mails          // envelope, headers, text, html
 *   await smtp.close()
 * Without `auth` any sender is accepted without login; with it, a wrong login is refused (535).
 * `rejectRecipients` refuses RCPT TO for those addresses (550).
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  envelope: { from: string; to: string[] }
  /** Lower-cased header names, decoded values. */
  headers: Record<string, string>
  text?: string
  html?: string
  /** The content types of the leaf parts, in order. */
  parts: string[]
  raw: string
  /** The login used, if any. */
  user?: string
}

export interface FakeSmtp {
  url: string
  port: number
  mails: ReceivedMail[]
  /** Failed logins. */
  authFailures: number
  close(): Promise<void>
}

export interface FakeSmtpOptions {
  auth?: { user: string; pass: string }
  rejectRecipients?: string[]
}

export async function startSmtpServer(options: FakeSmtpOptions = {}): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = []
  const state = { authFailures: 0 }
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS offered, so the client does not attempt STARTTLS.
    secure: false,
    hideSTARTTLS: true,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (
        options.auth &&
        auth.username === options.auth.user &&
        auth.password === options.auth.pass
      ) {
        callback(null, { user: auth.username })
        return
      }
      state.authFailures++
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (options.rejectRecipients?.includes(address.address)) {
        callback(
          Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: 550 })
        )
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const parsed = parseMime(raw)
        mails.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map(r => r.address)
          },
          ...parsed,
          raw,
          ...(typeof session.user === 'string' && { user: session.user })
        })
        callback()
      })
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address()
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
    : ''
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    mails,
    get authFailures() {
      return state.authFailures
    },
    close: () => new Promise<void>(resolve => server.close(() => resolve()))
  }
}

// ------------------------------------------------------------ MIME

interface Part {
  headers: Record<string, string>
  body: string
}

function splitHeaders(raw: string): Part {
  const normal = raw.replace(/\r\n/g, '\n')
  const end = normal.indexOf('\n\n')
  const head = end === -1 ? normal : normal.slice(0, end)
  const body = end === -1 ? '' : normal.slice(end + 2)
  const headers: Record<string, string> = {}
  // Folded lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body }
}

/** RFC 2047: =?UTF-8?B?...?= and =?UTF-8?Q?...?=, adjacent words joined without the space. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[bBqQ]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(
      /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g,
      (_, _charset: string, encoding: string, text: string) => {
        if (encoding.toUpperCase() === 'B') return Buffer.from(text, 'base64').toString('utf8')
        const bytes = text
          .replace(/_/g, ' ')
          .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
            String.fromCharCode(parseInt(hex, 16))
          )
        return Buffer.from(bytes, 'latin1').toString('utf8')
      }
    )
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  if (encoding === 'base64')
    return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body)
  return part.body
}

function leaves(part: Part): Part[] {
  const type = part.headers['content-type'] ?? 'text/plain'
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1]
  if (!/^multipart\//i.test(type) || !boundary) return [part]
  const sections = part.body.split(`--${boundary}`)
  // Before the first boundary is the preamble; after the closing `--boundary--` the epilogue.
  return sections
    .slice(1)
    .filter(s => !s.startsWith('--'))
    .flatMap(s => leaves(splitHeaders(s.replace(/^\n/, '').replace(/\n$/, '')))) // the newline before a boundary belongs to it
}

export function parseMime(raw: string): Pick<ReceivedMail, 'headers' | 'text' | 'html' | 'parts'> {
  const top = splitHeaders(raw)
  const headers = Object.fromEntries(
    Object.entries(top.headers).map(([k, v]) => [k, decodeWords(v)])
  )
  const parts = leaves(top)
  const find = (type: string) =>
    parts.find(p => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type))
  const text = find('text/plain')
  const html = find('text/html')
  return {
    headers,
    ...(text && { text: decodeBody(text) }),
    ...(html && { html: decodeBody(html) }),
    parts: parts.map(p =>
      (p.headers['content-type'] ?? 'text/plain').split(';')[0]!.trim().toLowerCase()
    )
  }
}
