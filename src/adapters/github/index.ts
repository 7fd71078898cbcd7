export {
  createGitHubClient,
  GitHubApiError,
  parseRepository,
  permissionFor,
  type GitHubClient,
  type GitHubClientOptions
} from './client.js'
export {
  CommentPermissionError,
  markerLine,
  upsertStickyComment,
  type StickyComment,
  type StickyCommentResult
} from './comments.js'
export {
  getEnvironmentProtection,
  getRepositoryVisibility,
  listRunApprovals,
  type EnvironmentProtection,
  type EnvironmentReviewer,
  type RepositoryVisibility,
  type RunApproval
} from './environments.js'
export {
  GitHubDeploymentStore,
  parsePayload,
  type GitHubDeploymentStoreOptions
} from './deployments.js'
export { openOrUpdatePull, type PullRequestInput, type PullRequestResult } from './pulls.js'
