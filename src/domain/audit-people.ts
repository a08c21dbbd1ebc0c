/**
 * Who does what in the audit programme: who audits, which children each auditor may audit, who a
 * practitioner's manager is, and who moderates. Pure, over the people the feed sends.
 */
import type { AuditProgramme } from './audit-programme';
import type { Child, Person } from './types';

/** The teams a person works in or oversees. */
export const teamsOf = (person: Person): string[] => [...new Set([person.teamId, ...person.managesTeamIds])];

const isManager = (p: Person) => p.roles.includes('manager');
const isHeadOfService = (p: Person) => p.roles.includes('head-of-service');

/** Everyone who audits this month under the programme, in id order. */
export function auditorsIn(people: readonly Person[], programme: AuditProgramme): Person[] {
  const named = new Set(programme.auditors.named);
  return people
    .filter(
      (p) =>
        named.has(p.id) ||
        p.roles.includes('auditor') ||
        (programme.auditors.managers && isManager(p)) ||
        (programme.auditors.headsOfService && isHeadOfService(p)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether an auditor may audit a child: never their own children; a manager in a peer programme
 * only another team's children, otherwise only their own teams'. Named auditors, quality leads
 * and heads of service audit anywhere.
 */
export function canAudit(auditor: Person, child: Child, programme: AuditProgramme): boolean {
  if (programme.exclusions.auditorsOwnChildren && child.allocatedPractitionerId === auditor.id) return false;
  const anywhere =
    programme.auditors.named.includes(auditor.id) ||
    auditor.roles.includes('auditor') ||
    (programme.auditors.headsOfService && isHeadOfService(auditor));
  if (anywhere) return true;
  const own = teamsOf(auditor).includes(child.teamId);
  return programme.auditors.peer ? !own : own;
}

/** The managers of a team: those whose own team it is or who oversee it. */
export function managersOfTeam(teamId: string, people: readonly Person[]): Person[] {
  return people.filter((p) => isManager(p) && teamsOf(p).includes(teamId));
}

/** The heads of service over a team; every head of service when none is named over it. */
export function headsOfServiceOf(teamId: string, people: readonly Person[]): Person[] {
  const all = people.filter(isHeadOfService);
  const over = all.filter((p) => teamsOf(p).includes(teamId));
  return over.length > 0 ? over : all;
}

/**
 * The person someone answers to: their team's manager (not themselves), or for a manager, the
 * head of service over their team.
 */
export function lineManagersOf(person: Person, people: readonly Person[]): Person[] {
  const managers = managersOfTeam(person.teamId, people).filter((p) => p.id !== person.id);
  if (managers.length > 0 && !isManager(person)) return managers;
  return headsOfServiceOf(person.teamId, people).filter((p) => p.id !== person.id);
}

/** Who may moderate: heads of service and the programme's named moderators, never the auditor. */
export function moderatorsIn(people: readonly Person[], programme: AuditProgramme): Person[] {
  const named = new Set(programme.moderation.moderators);
  return people
    .filter((p) => named.has(p.id) || isHeadOfService(p))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
