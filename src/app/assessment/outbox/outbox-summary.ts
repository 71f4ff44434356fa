import type { NewAssessmentBody } from '@shared/contracts/assessments';

/** What an entry holds, in a few words: "Back 7, leg 8; 1 symptom; red-flag screen (1 yes); ODI". */
export function summariseBody(body: NewAssessmentBody): string {
  const parts: string[] = [];
  if (body.backNrs != null && body.legNrs != null) parts.push(`Back ${String(body.backNrs)}, leg ${String(body.legNrs)}`);
  const symptoms = body.symptoms?.length ?? 0;
  if (symptoms > 0) parts.push(`${String(symptoms)} ${symptoms === 1 ? 'symptom' : 'symptoms'}`);
  if (body.redFlagsScreened) {
    const yes = body.redFlags?.length ?? 0;
    parts.push(yes > 0 ? `red-flag screen (${String(yes)} yes)` : 'red-flag screen');
  }
  if (body.odiAnswers) parts.push('ODI');
  if (body.note) parts.push('note');
  return parts.join('; ') || 'Assessment';
}
