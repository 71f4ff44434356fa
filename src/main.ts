import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

bootstrapApplication(App, appConfig).catch((err: unknown) => {
  // Nothing else can report a failed bootstrap; the page shows the static fallback in index.html.
  console.error(err);
});
