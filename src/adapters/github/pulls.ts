/**
 * Opens the promotion pull request (staging -> production) or refreshes the one already open,
 * so re-running a promotion never stacks duplicate PRs.
 */
import { GitHubApiError, type GitHubClient } from './client.js'

export interface PullRequestInput {
  owner: string
  repo: string
  /** Branch with the changes; 'owner:branch' for another owner's fork. */
  head: string
  base: string
  title: string
  body: string
}

export interface PullRequestResult {
  number: number
  url: string
  action: 'created' | 'updated'
}

async function findOpen(client: GitHubClient, input: PullRequestInput) {
  const head = input.head.includes(':') ? input.head : `${input.owner}:${input.head}`
  const { data } = await client.rest.pulls.list({
    owner: input.owner,
    repo: input.repo,
    head,
    base: input.base,
    state: 'open',
    per_page: 10
  })
  return data[0]
}

export async function openOrUpdatePull(
  client: GitHubClient,
  input: PullRequestInput
): Promise<PullRequestResult> {
  const where = { owner: input.owner, repo: input.repo }
  const update = async (number: number): Promise<PullRequestResult> => {
    const { data } = await client.rest.pulls.update({
      ...where,
      pull_number: number,
      title: input.title,
      body: input.body
    })
    return { number: data.number, url: data.html_url, action: 'updated' }
  }
  const existing = await findOpen(client, input)
  if (existing) return update(existing.number)
  try {
    const { data } = await client.rest.pulls.create({
      ...where,
      head: input.head,
      base: input.base,
      title: input.title,
      body: input.body
    })
    return { number: data.number, url: data.html_url, action: 'created' }
  } catch (error) {
    // Another job opened it between our list and create: update that one instead.
    if (
      error instanceof GitHubApiError &&
      error.status === 422 &&
      /already exists/i.test(error.githubMessage)
    ) {
      const raced = await findOpen(client, input)
      if (raced) return update(raced.number)
    }
    throw error
  }
}
