/** The demo newsroom: invented Arabic outlets served on loopback for the crawler to fetch. */
export { startNewsroom, type NewsroomOptions } from './server.ts';
export { expectedFor, type ExpectedArticle } from './expected.ts';
export type { DemoOutlet, Newsroom, NewsroomStats } from './types.ts';
