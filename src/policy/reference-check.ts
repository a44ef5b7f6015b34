/**
 * Checks that need the whole pack: ids are unique where events and links rely on them, and
 * every reference (a step's contact, role or form; a category's flowchart; an end node's
 * follow-on flowchart; a retention rule's category) names something the pack has. A dangling
 * reference would otherwise show up as a dead "call" button in front of a DSL mid-incident.
 */
import { REQUIRED_ROLES, type PolicyPack } from './pack-schema.ts';
import { jsonPath, type PathPart } from './json-path.ts';
import type { PackError } from './schema-errors.ts';
import type { Step } from './schema-common.ts';

interface Ids {
  contacts: Set<string>;
  roles: Set<string>;
  forms: Set<string>;
  flowcharts: Set<string>;
  scenarios: Set<string>;
  categories: Set<string>;
}

/** Reports every repeat of an id, pointing back at its first use. */
function duplicates(
  items: readonly { id: string }[],
  prefix: PathPart[],
  what: string,
  seen = new Map<string, string>(),
): PackError[] {
  const errors: PackError[] = [];
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    const path = jsonPath([...prefix, i, 'id']);
    if (first === undefined) seen.set(item.id, path);
    else
      errors.push({ path, message: `Duplicate ${what} id "${item.id}" (first used at ${first}).` });
  });
  return errors;
}

function stepErrors(step: Step, path: PathPart[], ids: Ids): PackError[] {
  const errors: PackError[] = [];
  const missing = (field: string, kind: string, value: string) =>
    errors.push({
      path: jsonPath([...path, field]),
      message: `Step "${step.id}" refers to ${kind} "${value}", which is not in the pack.`,
    });
  if (step.contact !== undefined && !ids.contacts.has(step.contact))
    missing('contact', 'contact', step.contact);
  if (step.role !== undefined && !ids.roles.has(step.role))
    missing('role', 'school role', step.role);
  if (step.form !== undefined && !ids.forms.has(step.form))
    missing('form', 'record form', step.form);
  return errors;
}

function refList(
  values: readonly string[] | undefined,
  known: Set<string>,
  path: PathPart[],
  what: string,
) {
  return (values ?? []).flatMap((value, i) =>
    known.has(value)
      ? []
      : [{ path: jsonPath([...path, i]), message: `There is no ${what} "${value}" in the pack.` }],
  );
}

function flowchartErrors(pack: PolicyPack, ids: Ids): PackError[] {
  const errors: PackError[] = [];
  pack.flowcharts.forEach((chart, c) => {
    const stepIds = new Map<string, string>();
    for (const [nodeId, node] of Object.entries(chart.nodes)) {
      const base: PathPart[] = ['flowcharts', c, 'nodes', nodeId];
      if (node.kind === 'question') {
        errors.push(...duplicates(node.answers, [...base, 'answers'], 'answer'));
      } else if (node.kind === 'action') {
        // Step ids are unique across the chart: an `action.recorded` event names only the step.
        errors.push(...duplicates(node.steps, [...base, 'steps'], 'step', stepIds));
        node.steps.forEach((step, s) =>
          errors.push(...stepErrors(step, [...base, 'steps', s], ids)),
        );
      } else {
        if (node.continueWith !== undefined && !ids.flowcharts.has(node.continueWith)) {
          errors.push({
            path: jsonPath([...base, 'continueWith']),
            message: `End node "${nodeId}" continues with flowchart "${node.continueWith}", which is not in the pack.`,
          });
        }
        errors.push(...refList(node.scenarios, ids.scenarios, [...base, 'scenarios'], 'scenario'));
      }
    }
  });
  return errors;
}

function contentErrors(pack: PolicyPack, ids: Ids): PackError[] {
  const errors: PackError[] = [];
  pack.categories.forEach((category, i) => {
    if (category.flowchart !== undefined && !ids.flowcharts.has(category.flowchart)) {
      errors.push({
        path: jsonPath(['categories', i, 'flowchart']),
        message: `Category "${category.id}" suggests flowchart "${category.flowchart}", which is not in the pack.`,
      });
    }
    errors.push(
      ...refList(category.scenarios, ids.scenarios, ['categories', i, 'scenarios'], 'scenario'),
    );
  });
  pack.scenarios.forEach((scenario, i) => {
    const base: PathPart[] = ['scenarios', i];
    const seen = new Map<string, string>();
    errors.push(...duplicates(scenario.steps, [...base, 'steps'], 'step', seen));
    scenario.steps.forEach((step, s) => {
      errors.push(...stepErrors(step, [...base, 'steps', s], ids));
      const subPath: PathPart[] = [...base, 'steps', s, 'substeps'];
      errors.push(...duplicates(step.substeps ?? [], subPath, 'step', seen));
      step.substeps?.forEach((sub, k) => errors.push(...stepErrors(sub, [...subPath, k], ids)));
    });
    errors.push(...refList(scenario.contacts, ids.contacts, [...base, 'contacts'], 'contact'));
    errors.push(
      ...refList(scenario.categories, ids.categories, [...base, 'categories'], 'category'),
    );
  });
  pack.ruleSets.forEach((set, i) =>
    errors.push(...duplicates(set.rules, ['ruleSets', i, 'rules'], 'rule')),
  );
  pack.recordForms.forEach((form, i) => {
    errors.push(...duplicates(form.sections, ['recordForms', i, 'sections'], 'section'));
    const fields = new Map<string, string>();
    form.sections.forEach((section, s) => {
      const path: PathPart[] = ['recordForms', i, 'sections', s, 'fields'];
      errors.push(...duplicates(section.fields, path, 'field', fields));
    });
  });
  return errors;
}

function schoolErrors(pack: PolicyPack, ids: Ids): PackError[] {
  const errors: PackError[] = [];
  for (const role of REQUIRED_ROLES) {
    if (!ids.roles.has(role)) {
      errors.push({
        path: '$.school.roles',
        message: `The pack must name the role "${role}": flowcharts and the app route incidents to it.`,
      });
    }
  }
  pack.school.roles.forEach((role, i) => {
    if (
      role.deputyOf !== undefined &&
      (!ids.roles.has(role.deputyOf) || role.deputyOf === role.id)
    ) {
      errors.push({
        path: jsonPath(['school', 'roles', i, 'deputyOf']),
        message: `Role "${role.id}" deputises for "${role.deputyOf}", which is not another role in the pack.`,
      });
    }
  });
  const defaults = pack.retention.filter((rule) => rule.scope === 'default').length;
  if (defaults !== 1) {
    errors.push({
      path: '$.retention',
      message: `The pack needs exactly one retention rule with scope "default" (it has ${defaults}).`,
    });
  }
  pack.retention.forEach((rule, i) => {
    const known =
      rule.scope === 'category' ? ids.categories : rule.scope === 'record-form' ? ids.forms : null;
    if (known && (rule.ref === undefined || !known.has(rule.ref))) {
      errors.push({
        path: jsonPath(['retention', i, 'ref']),
        message: `Retention rule "${rule.id}" must name a ${rule.scope === 'category' ? 'category' : 'record form'} of the pack in "ref".`,
      });
    }
  });
  const { protectiveMarkings, protectiveMarkingDefault } = pack.settings;
  if (!protectiveMarkings.includes(protectiveMarkingDefault)) {
    errors.push({
      path: '$.settings.protectiveMarkingDefault',
      message: `The default marking "${protectiveMarkingDefault}" is not one of the protective markings listed.`,
    });
  }
  return errors;
}

/** Duplicate ids first (they make references ambiguous), then dangling references. */
export function checkReferences(pack: PolicyPack): PackError[] {
  const setOf = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id));
  const ids: Ids = {
    contacts: setOf(pack.contacts),
    roles: setOf(pack.school.roles),
    forms: setOf(pack.recordForms),
    flowcharts: setOf(pack.flowcharts),
    scenarios: setOf(pack.scenarios),
    categories: setOf(pack.categories),
  };
  const topLevel: [readonly { id: string }[], PathPart[], string][] = [
    [pack.school.roles, ['school', 'roles'], 'role'],
    [pack.contacts, ['contacts'], 'contact'],
    [pack.categories, ['categories'], 'category'],
    [pack.flowcharts, ['flowcharts'], 'flowchart'],
    [pack.scenarios, ['scenarios'], 'scenario'],
    [pack.ruleSets, ['ruleSets'], 'rule set'],
    [pack.recordForms, ['recordForms'], 'record form'],
    [pack.messages, ['messages'], 'message'],
    [pack.retention, ['retention'], 'retention rule'],
  ];
  return [
    ...topLevel.flatMap(([items, path, what]) => duplicates(items, path, what)),
    ...schoolErrors(pack, ids),
    ...flowchartErrors(pack, ids),
    ...contentErrors(pack, ids),
  ];
}
