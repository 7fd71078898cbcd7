import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import '../helpers/property.js'
import { REDACTED, SecretScrubber } from '../../src/core/secrets.js'

const b64 = (text: string) => Buffer.from(text).toString('base64')

describe('SecretScrubber', () => {
  it('replaces a secret in every form a server may echo it in', () => {
    const scrubber = new SecretScrubber()
    const token = 'mlrun "tok/en"+42'
    scrubber.add(token)
    for (const form of [
      token,
      JSON.stringify(token).slice(1, -1),
      encodeURIComponent(token),
      b64(token),
      b64(token).replace(/=+$/, ''),
      Buffer.from(token).toString('base64url')
    ]) {
      expect(scrubber.scrub(`echo: ${form}!`)).toBe(`echo: ${REDACTED}!`)
    }
  })

  it('replaces the base64 of Basic credentials and the password, not the user name', () => {
    const scrubber = new SecretScrubber()
    scrubber.addBasic('alice', 'hunter2-access-key')
    const header = `Basic ${b64('alice:hunter2-access-key')}`
    expect(scrubber.scrub(`{"authorization":"${header}"}`)).toBe(`{"authorization":"Basic ***"}`)
    expect(scrubber.scrub('alice used hunter2-access-key')).toBe('alice used ***')
  })

  it('takes the credentials out of SMTP and proxy URLs, and a webhook URL path', () => {
    const scrubber = new SecretScrubber()
    scrubber.add('smtps://mailer:p%40ss%2Fword@smtp.example.com:465')
    expect(scrubber.scrub('535 auth failed for p@ss/word')).toBe('535 auth failed for ***')
    expect(scrubber.scrub(b64('mailer:p@ss/word'))).toBe(REDACTED)
    scrubber.add('https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXX')
    expect(scrubber.scrub('POST /services/T000/B000/XXXXXXXXXXXX: no_service')).toBe(
      'POST ***: no_service'
    )
    scrubber.add('https://tok3n-in-user@proxy.example.com')
    expect(scrubber.scrub('user tok3n-in-user')).toBe('user ***')
  })

  it('replaces authorization header values it never registered, and leaves prose alone', () => {
    const scrubber = new SecretScrubber()
    expect(scrubber.scrub('authorization: Bearer abc.def-1234567')).toBe(
      'authorization: Bearer ***'
    )
    expect(scrubber.scrub(`Basic ${b64('bob:s3cret')}`)).toBe('Basic ***')
    expect(scrubber.scrub('Basic auth needs both usernameEnv and accessKeyEnv')).toBe(
      'Basic auth needs both usernameEnv and accessKeyEnv'
    )
  })

  it('registers the credential of an authorization header, Basic ones decoded', () => {
    const scrubber = new SecretScrubber()
    scrubber.addAuthorization(`Basic ${b64('carol:k3y-of-carol')}`)
    scrubber.addAuthorization('Bearer plain-token-value')
    expect(scrubber.scrub('k3y-of-carol plain-token-value')).toBe('*** ***')
  })

  it('ignores values too short to be secrets', () => {
    const scrubber = new SecretScrubber()
    scrubber.add('ok')
    scrubber.add('')
    scrubber.add(undefined)
    expect(scrubber.scrub('ok, all ok')).toBe('ok, all ok')
  })

  it('scrubs every string of a JSON value, keys included', () => {
    const scrubber = new SecretScrubber()
    scrubber.add('s3cr3t-value')
    expect(
      scrubber.scrubValue({
        error: 'got s3cr3t-value',
        list: [1, 's3cr3t-value'],
        's3cr3t-value': true
      })
    ).toEqual({ error: 'got ***', list: [1, '***'], '***': true })
  })

  it('tells listeners each form, those registered before they listened too', () => {
    const scrubber = new SecretScrubber()
    scrubber.add('first-secret')
    const told: string[] = []
    scrubber.onAdd(form => told.push(form))
    scrubber.add('second-secret')
    expect(told).toEqual(
      expect.arrayContaining(['first-secret', b64('first-secret'), 'second-secret'])
    )
  })

  it('leaves no registered secret in any text, wherever it sits', () => {
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 4, maxLength: 40 })
          // The replacement itself is made of '*'.
          .filter(s => s.trim().length >= 4 && !s.includes('*')),
        fc.string(),
        fc.string(),
        (secret, before, after) => {
          const scrubber = new SecretScrubber()
          scrubber.add(secret)
          const out = scrubber.scrub(`${before}${secret}${after}`)
          expect(out).not.toContain(secret.trim())
          expect(scrubber.scrub(`${before}${b64(secret)}${after}`)).not.toContain(b64(secret))
        }
      )
    )
  })
})
