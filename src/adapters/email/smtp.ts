/**
 * Email through SMTP with nodemailer. The SMTP URL (smtp://user:pass@host:587 or
 * smtps://user:pass@host:465) comes from the environment variable the config names; its
 * credentials never appear in a message. nodemailer is imported when a mail is sent: only a failed
 * run with email configured loads it.
 */
import { redactUrl } from '../http.js'
import { secrets } from '../../core/secrets.js'

export interface OutgoingMail {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

export interface SentMail {
  messageId: string
  accepted: string[]
  rejected: string[]
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>
}

export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly fix: string | undefined
  ) {
    super(fix ? `${message}. Fix: ${fix}` : message)
    this.name = 'EmailDeliveryError'
  }
}

const FIXES: Record<string, string> = {
  EAUTH:
    'the SMTP server refused the credentials: check the user and password in the SMTP URL secret (URL-encode special characters)',
  ENOAUTH: 'the SMTP server requires a login: put it in the URL, smtp://user:password@host:587',
  ECONNECTION:
    'the SMTP server could not be reached: check the host and port in the SMTP URL and that the runner may connect to it',
  ETIMEDOUT:
    'the SMTP server did not answer in time: check the host and port (465 is smtps://, 587 and 25 are smtp://)',
  ESOCKET:
    'the connection to the SMTP server broke: check the port and TLS mode (465 is smtps://, 587 and 25 are smtp://)',
  EDNS: 'the SMTP host name does not resolve: check the host in the SMTP URL',
  ETLS: 'TLS to the SMTP server failed: use smtps:// for port 465 and smtp:// (STARTTLS) for 587',
  EENVELOPE:
    'the server refused the sender or every recipient: check notifications.email.from and notifications.email.to',
  EMESSAGE: 'the server refused the message: check its size limits and the sender address'
}

/** Parses and checks the URL before nodemailer sees it, so a bad secret gets a clear message. */
export function parseSmtpUrl(url: string): URL {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new EmailDeliveryError(
      'the SMTP URL is not a URL',
      'EURL',
      'the secret must hold a URL such as smtps://user:password@smtp.example.com:465'
    )
  }
  if (!/^smtps?:$/.test(parsed.protocol)) {
    throw new EmailDeliveryError(
      `the SMTP URL must start with smtp:// or smtps://, not ${parsed.protocol}//`,
      'EURL',
      'use smtps://user:password@host:465 or smtp://user:password@host:587'
    )
  }
  return parsed
}

export function createSmtpMailer(url: string, options: { timeoutMs?: number } = {}): Mailer {
  secrets.add(url)
  const parsed = parseSmtpUrl(url)
  const timeout = options.timeoutMs ?? 30_000
  return {
    async send(mail) {
      const { default: nodemailer } = await import('nodemailer')
      const transport = nodemailer.createTransport(url, {
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout
      } as never)
      try {
        const info = (await transport.sendMail({
          from: mail.from,
          to: mail.to,
          // Mail quotes server errors (from facts) and leaves for inboxes: no secret in it.
          subject: secrets.scrub(mail.subject),
          text: secrets.scrub(mail.text),
          html: secrets.scrub(mail.html)
        })) as { messageId: string; accepted: unknown[]; rejected: unknown[] }
        return {
          messageId: info.messageId,
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String)
        }
      } catch (raw) {
        const error = raw as {
          code?: string
          response?: string
          responseCode?: number
          message?: string
        }
        const code = error.code ?? 'ESMTP'
        const server = error.response
          ? `: ${error.response}`
          : error.message
            ? `: ${error.message}`
            : ''
        throw new EmailDeliveryError(
          secrets.scrub(
            `sending mail through ${redactUrl(parsed.toString())} failed (${code})${server}`.replace(
              url,
              redactUrl(url)
            )
          ),
          code,
          FIXES[code]
        )
      } finally {
        transport.close()
      }
    }
  }
}
