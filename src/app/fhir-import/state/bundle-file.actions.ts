import { createActionGroup, props } from '@ngrx/store';

/** Reading the chosen file in the browser (FileReader), before anything is sent. */
export const BundleFileActions = createActionGroup({
  source: 'Bundle File',
  events: {
    'Read Progressed': props<{ loaded: number; total: number }>(),
    /** The text of the file, unchanged: JSON, still to be judged by the server. */
    'Read Succeeded': props<{ text: string }>(),
    /** Too large, empty, unreadable or not JSON: never sent. */
    Refused: props<{ message: string }>(),
  },
});
