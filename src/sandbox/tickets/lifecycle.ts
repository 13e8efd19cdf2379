/**
 * The rules of a trouble ticket's life (TMF621): its states and the moves between them, which
 * moves a customer may make on their own ticket, how severity sets the first priority, and where
 * an escalation sends the case — as the portal guide says, "to a supervisor or a dedicated
 * billing or technical support team".
 */
import type { Role } from '../auth/principal.js';

export const TICKET_TYPES = ['technical', 'billing', 'serviceRequest', 'move'] as const;
export const SEVERITIES = ['minor', 'major', 'critical'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'rejected', 'cancelled'] as const;
export const CHANNELS = ['selfService', 'chat', 'phone', 'email', 'store'] as const;

export type TicketType = (typeof TICKET_TYPES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type Priority = (typeof PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** TMF621's state machine; closed, rejected and cancelled are final. */
export const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  acknowledged: ['inProgress', 'pending', 'held', 'resolved', 'rejected', 'cancelled'],
  inProgress: ['pending', 'held', 'resolved', 'cancelled'],
  pending: ['inProgress', 'resolved', 'cancelled'],
  held: ['inProgress', 'resolved', 'cancelled'],
  resolved: ['closed', 'inProgress'],
  closed: [],
  rejected: [],
  cancelled: [],
};

/**
 * What a customer may do to their own ticket: withdraw it while open, confirm a resolution
 * (closed) or reopen it (inProgress). Working the case is the staff's.
 */
export function customerMayMove(from: TicketStatus, to: TicketStatus): boolean {
  if (to === 'cancelled') return from !== 'resolved';
  return from === 'resolved' && (to === 'closed' || to === 'inProgress');
}

export function initialPriority(severity: Severity): Priority {
  return severity === 'critical' ? 'high' : severity === 'major' ? 'medium' : 'low';
}

export function raisedPriority(priority: Priority): Priority {
  return PRIORITIES[Math.min(PRIORITIES.indexOf(priority) + 1, PRIORITIES.length - 1)]!;
}

/** The teams a ticket is assigned to, as TMF `relatedParty` entries with the role `assignee`. */
export const TEAMS = {
  frontline: { id: 'TEAM-SUPPORT', name: 'Customer support' },
  billing: { id: 'TEAM-BILLING', name: 'Billing support team' },
  technical: { id: 'TEAM-TECHNICAL', name: 'Technical support team' },
  supervisor: { id: 'TEAM-SUPERVISOR', name: 'Support supervisor' },
} as const;
export type Team = keyof typeof TEAMS;

export const MAX_ESCALATION_LEVEL = 2;

/**
 * Where an escalation from `level` goes: billing and technical cases first to their dedicated
 * team, then to a supervisor; other requests straight to a supervisor.
 */
export function escalationTarget(type: TicketType, level: number): Team | undefined {
  if (level >= MAX_ESCALATION_LEVEL) return undefined;
  if (level === 0 && type === 'billing') return 'billing';
  if (level === 0 && type === 'technical') return 'technical';
  return 'supervisor';
}

/** The level a team stands for, so that a case sent straight to a supervisor cannot go higher. */
export function levelOf(team: Team): number {
  return team === 'frontline' ? 0 : team === 'supervisor' ? MAX_ESCALATION_LEVEL : 1;
}

export function isStaff(role: Role): boolean {
  return role === 'agent';
}
