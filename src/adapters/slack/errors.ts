/**
 * Slack's error codes, each with what to do about it. A failed notification is reported by its
 * code and this fix, never by a stack trace.
 */
export class SlackDeliveryError extends Error {
  constructor(
    message: string,
    /** Slack's code (`channel_not_found`, ...), `http_<status>`, or `network`. */
    readonly code: string,
    readonly fix: string | undefined
  ) {
    super(fix ? `${message}. Fix: ${fix}` : message)
    this.name = 'SlackDeliveryError'
  }
}

const BUG =
  'this is a promote-actions bug (messages are kept within Slack limits): please report it with the facts input'

const WEB_API_FIXES: Record<string, string> = {
  channel_not_found:
    'the channel does not exist or the bot cannot see it: set notifications.slack.channel (or the channel input) to the channel ID (C0123ABCD, in the channel details), and invite the bot to private channels (/invite @your-app)',
  not_in_channel:
    'invite the bot to the channel (/invite @your-app), or add the chat:write.public scope to post in public channels without joining',
  is_archived:
    'the channel is archived: unarchive it or point notifications.slack.channel at another channel',
  invalid_auth:
    "the token is not valid: the secret must hold the app's Bot User OAuth Token (xoxb-..., under OAuth & Permissions) for this workspace",
  not_authed:
    'no token reached Slack: pass the secret to the step (env: SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }}) or the slack-token input',
  token_revoked:
    'the token was revoked (the app was uninstalled or the token rotated): reinstall the app and update the secret',
  token_expired:
    'the token expired (token rotation is on): use a non-expiring bot token or refresh it before the run',
  account_inactive:
    'the token belongs to a deactivated user or a removed app: reinstall the app and update the secret',
  missing_scope:
    'add the chat:write scope to the app (OAuth & Permissions), reinstall it to the workspace and update the secret',
  no_permission:
    'the token lacks permission for this channel: invite the bot, or check the workspace posting restrictions',
  restricted_action:
    'a workspace admin restricts posting in this channel: ask them to allow the app, or use another channel',
  ratelimited:
    'Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow',
  rate_limited:
    'Slack kept rate-limiting these calls: notify fewer events (notifications.slack.events) or share fewer steps per workflow',
  message_not_found:
    'the ts input does not name a message in this channel: pass both the ts and channel outputs of the step that posted it',
  cant_update_message:
    'the message was not posted by this bot token: pass the ts output of a notify step that used the same token',
  edit_window_closed:
    'the workspace no longer lets this message be edited: post a new one (leave the ts input empty)',
  msg_too_long: BUG,
  no_text: BUG,
  invalid_blocks: BUG,
  invalid_blocks_format: BUG,
  invalid_arguments: BUG,
  team_access_not_granted:
    'the token is not granted access to the workspace of this channel: install the app there',
  ekm_access_denied: 'your workspace administrators have suspended the ability to post a message',
  fatal_error: 'Slack failed on its side: retry the job later'
}

export function webApiFix(
  code: string,
  data?: { needed?: string; provided?: string }
): string | undefined {
  const fix = WEB_API_FIXES[code]
  if (code === 'missing_scope' && data?.needed)
    return `${fix} (needed: ${data.needed}; the token has: ${data.provided ?? 'none'})`
  return fix ?? 'see https://api.slack.com/methods/chat.postMessage#errors'
}

/** Incoming webhooks answer with an HTTP status and a plain-text code. */
const WEBHOOK_FIXES: Record<string, string> = {
  invalid_payload: BUG,
  invalid_token:
    'the webhook URL is wrong or was regenerated: copy it again from the app (Incoming Webhooks) into the secret',
  no_service:
    'the webhook was removed or disabled: create a new one (Incoming Webhooks) and update the secret',
  no_service_id:
    'the webhook URL is incomplete: copy the whole https://hooks.slack.com/services/T.../B.../... URL into the secret',
  no_team:
    'the workspace of this webhook no longer exists: create a webhook in the right workspace',
  team_disabled: 'the workspace of this webhook is disabled',
  channel_not_found:
    "the webhook's channel was deleted: create a new webhook for an existing channel",
  channel_is_archived:
    "the webhook's channel is archived: unarchive it or create a webhook for another channel",
  action_prohibited:
    'a workspace admin restricts this webhook or channel: ask them, or use another channel',
  posting_to_general_channel_denied:
    'only admins may post to #general: create the webhook for another channel',
  too_many_attachments: BUG,
  no_text: BUG,
  invalid_blocks: BUG,
  rollup_error: 'Slack failed on its side: retry the job later'
}

export function webhookFix(code: string, status: number | undefined): string | undefined {
  if (WEBHOOK_FIXES[code]) return WEBHOOK_FIXES[code]
  if (status === 404) return WEBHOOK_FIXES.no_service
  if (status === 403) return WEBHOOK_FIXES.action_prohibited
  if (status === 429) return WEB_API_FIXES.ratelimited
  return undefined
}
