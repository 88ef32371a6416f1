export { describeIssues, formatPath, issuesOf, type FieldIssue } from './issues';
export { parseWith } from './parse';
