import type { Translation } from './zh-CN';
import type { PublicCatalogue } from './public.zh-CN';

const publicEn: Translation<PublicCatalogue> = {
  portal: {
    lead: 'Progress of the work plans, indicators, registers and consultation outcomes published by the office.',
    plans: 'Progress of the work plans',
    planLine: '{{count}} tasks, {{closed}} closed, average completion {{percent}}',
    planLine_one: '{{count}} task, {{closed}} closed, average completion {{percent}}',
    updated: 'Updated {{time}}',
  },
  control: {
    label: 'Public progress',
    off: 'Not public',
    lights: 'Lights and completion',
    completion: 'Completion only',
    view: 'Open the public page',
    saved: 'Publication updated',
  },
  plan: {
    heading: 'Progress',
    version: 'Version {{version}}, as published',
    publishedOn: 'Published on {{date}}',
    updated: 'Last updated: {{time}}',
    tasks: 'Tasks',
    closed: 'Closed',
    percent: 'Average completion',
    lights: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    legend:
      'Green: on schedule; yellow: behind schedule or a report late; red: far behind, reports missing twice, or past the due date unfinished. Lights are computed by the system by one set of rules.',
    completionNote: "Completion is the lead unit's latest report accepted by the office; a closed task counts as 100%.",
    lead: 'Lead unit: {{unit}}',
    due: 'Due: {{date}}',
    done: 'Closed',
    complete: '{{percent}}% complete',
    noFigure: 'No accepted report yet',
    sectionLine: '{{count}} tasks · average completion {{percent}}',
    sectionLine_one: '{{count}} task · average completion {{percent}}',
    otherSection: 'Other tasks',
    notices: 'Consultation outcome',
    back: 'Back to public information',
    notFound: "This plan's progress is not public, or there is no such plan",
  },
};

export default publicEn;
