// The public face of the stories module (志愿风采: stories, their review, story tips): what others may use.
export { storyRoutes } from './stories.routes.js';
/** The shared link's page with the story's Open Graph tags (app.ts, when the web app is served). */
export { storyOpenGraph, storyPageRoute } from './story-page.js';
/** Photos of stories: who sees one, when it is public, and which were never used. */
export { storyPhotoOwner, storyPhotoPublic, storyPhotoSweeper, STORY_PHOTO } from './stories.photos.js';
/** The workbench's stories to-dos: stories to review and new story tips. */
export { storiesToDo } from './stories.service.js';
