// Uses a few of the operation types GraphQL Code Generator writes to
// generated/operations.ts (see codegen.ts), so that `tsc --strict` checks
// the generated code and how a client would read it:
//
//   npx --prefix .ci/clients tsc --noEmit --strict -p .ci/clients
import type {
  CareerLadderQuery,
  JobProfileQuery,
  JobProfileQueryVariables,
  ResolveQuery,
  RoleComparisonQuery,
  RoleComparisonQueryVariables,
  TransitionPlanQuery,
} from './generated/operations';

// Non-null fields are plain values…
export function similarity(data: RoleComparisonQuery): number {
  const overlap: RoleComparisonQuery['skillOverlap'] = data.skillOverlap;
  const s: RoleComparisonQuery['skillOverlap']['similarity'] = overlap.similarity;
  return s + overlap.jaccard + overlap.facets.tools;
}

export function sharedSkillNames(data: RoleComparisonQuery): string[] {
  return data.skillOverlap.sharedSkills.map((skill) => `${skill.name} (${skill.kind})`);
}

// …a field that was not asked for is not there…
export function notAsked(data: RoleComparisonQuery): unknown {
  // @ts-expect-error -- the example does not select `description`
  return data.skillOverlap.a.description;
}

// …and a nullable field must be checked before use.
export function jobName(data: JobProfileQuery): string {
  // @ts-expect-error -- `job` is null for an unknown slug
  const unchecked: string = data.job.name;
  void unchecked;
  return data.job?.name ?? '(no such job)';
}

export function ladder(data: CareerLadderQuery): string[] {
  return data.careerPath.stages
    .slice()
    .sort((a, b) => a.order - b.order)
    .map((stage) => (stage.next ? `${stage.name} → ${stage.next.id}` : stage.name));
}

// Interfaces and unions come back as discriminated unions on __typename.
export function resolvedNames(data: ResolveQuery): string[] {
  return data.resolve.map((r) => {
    const node = r.node;
    if (node === null || node === undefined) return `${r.input}: ?`;
    switch (node.__typename) {
      case 'Tool':
      case 'Skill':
      case 'Job':
        return `${r.input}: ${node.name}`;
      default:
        return `${r.input}: ${node.id}`;
    }
  });
}

export function learningSteps(data: TransitionPlanQuery): number {
  const cost: number | null = data.transition.totalCost;
  return data.transition.learningPlan.length + (cost ?? 0);
}

// Variables with a default in the operation are optional.
export const roles: RoleComparisonQueryVariables = { a: 'platform_engineer' };
export const job: JobProfileQueryVariables = {};
