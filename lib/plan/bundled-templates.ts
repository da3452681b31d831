/**
 * The element templates shipped with the extension (seeds/templates/*.json), typed. Listed by hand on purpose: a
 * data test (seeds.test.ts) proves every file of the folder is listed here, and that the set is valid.
 *
 * Kept apart from seeds/index.ts so the parser and the seed builder can use the templates without importing the
 * generated plan.json.
 */
import type { ElementTemplate } from './model';
import labelLexicon from '../../seeds/label-lexicon.json';
import consultationFeedbackReport from '../../seeds/templates/consultation-feedback-report.json';
import eiaAcceptance from '../../seeds/templates/eia-acceptance.json';
import eiaApprovalPending from '../../seeds/templates/eia-approval-pending.json';
import govInfoMetadata from '../../seeds/templates/gov-info-metadata.json';
import intermediaryServices from '../../seeds/templates/intermediary-services.json';
import lawEnforcementDisclosure from '../../seeds/templates/law-enforcement-disclosure.json';
import metaTagsDetail from '../../seeds/templates/meta-tags-detail.json';
import metaTagsHome from '../../seeds/templates/meta-tags-home.json';
import metaTagsList from '../../seeds/templates/meta-tags-list.json';
import normativeDocConsultation from '../../seeds/templates/normative-doc-consultation.json';
import penaltyDisclosureDual from '../../seeds/templates/penalty-disclosure-dual.json';
import penaltyResult from '../../seeds/templates/penalty-result.json';
import powersResponsibilitiesList from '../../seeds/templates/powers-responsibilities-list.json';
import randomInspection from '../../seeds/templates/random-inspection.json';
import serviceDisclosure from '../../seeds/templates/service-disclosure.json';
import serviceGuideKeyCategories from '../../seeds/templates/service-guide-key-categories.json';
import serviceGuideMaterial from '../../seeds/templates/service-guide-material.json';
import serviceGuide from '../../seeds/templates/service-guide.json';
import shantytownLandPlan from '../../seeds/templates/shantytown-land-plan.json';

interface LexiconEntry {
  template: string;
  element: string;
  source: string;
  labels: string[];
}

/** Labels a source shows to name something else than the element (公开类别 is how an item is disclosed, not 分类). */
interface ExcludedLabels extends LexiconEntry {
  why: string;
}

/**
 * The templates with the label lexicon (seeds/label-lexicon.json) added to their elements' synonyms: the label forms
 * real pages print, each from a named national standard or disclosure format; and its `excluded` labels taken out —
 * forms a source shows to name something else. An entry naming an unknown template, element or source is an error of
 * the data (seeds.test.ts proves there is none).
 */
export function withLexicon(
  templates: readonly ElementTemplate[],
  lexicon: { sources: Record<string, string>; entries: LexiconEntry[]; excluded?: ExcludedLabels[] },
): ElementTemplate[] {
  return templates.map((template) => {
    const entries = lexicon.entries.filter((e) => e.template === template.id);
    const excluded = (lexicon.excluded ?? []).filter((e) => e.template === template.id);
    if (entries.length === 0 && excluded.length === 0) return template;
    return {
      ...template,
      elements: template.elements.map((element) => {
        const extra = entries.filter((e) => e.element === element.id).flatMap((e) => e.labels);
        const not = new Set(excluded.filter((e) => e.element === element.id).flatMap((e) => e.labels));
        if (extra.length === 0 && not.size === 0) return element;
        const synonyms = [...new Set([...element.synonyms, ...extra])].filter((l) => l !== element.name && !not.has(l));
        return {
          ...element,
          synonyms,
          ...(element.weakLabels && { weakLabels: element.weakLabels.filter((l) => !not.has(l)) }),
        };
      }),
    };
  });
}

/** Plan-derived templates first, then the national ones. The JSON is checked against the schema by the data test. */
const templateFiles: readonly ElementTemplate[] = [
  serviceGuide,
  serviceGuideMaterial,
  penaltyResult,
  eiaAcceptance,
  eiaApprovalPending,
  normativeDocConsultation,
  consultationFeedbackReport,
  shantytownLandPlan,
  powersResponsibilitiesList,
  lawEnforcementDisclosure,
  intermediaryServices,
  serviceDisclosure,
  randomInspection,
  govInfoMetadata,
  metaTagsHome,
  metaTagsList,
  metaTagsDetail,
  serviceGuideKeyCategories,
  penaltyDisclosureDual,
] as readonly ElementTemplate[];

export const bundledTemplates: readonly ElementTemplate[] = withLexicon(templateFiles, labelLexicon);
