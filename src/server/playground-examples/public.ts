import type { PlaygroundExample } from '../playground-page';

/** The public: feedback without a token. */
export const PUBLIC_EXAMPLES: PlaygroundExample[] = [
  {
    audience: 'Public',
    title: 'Give feedback on a service (IKM survey, no token)',
    query: `mutation Feedback($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) { id kind moderationStatus ikm { index score band bandLabel } }
}`,
    variables: `{
  "input": {
    "unitId": "VW5pdDpwYWxlbWJhbmc6cGFsZW1iYW5nLXBrbS1wbGFqdQ",
    "serviceName": "Poli Umum",
    "channel": "SURVEY",
    "surveyAnswers": [3, 3, 4, 3, 3, 4, 4, 3, 3],
    "text": "Antrean lebih cepat dari tahun lalu."
  }
}`,
  },
];
