/**
 * Tables of TMF621 trouble tickets (with their related entities, notes and status history) and of
 * live chat conversations, whose events double as the server-sent event log a client replays.
 */
export const TICKET_MIGRATION = `
  CREATE TABLE trouble_ticket (
    -- Ticket ids are short ('TT-1001'): people read them out on the phone and type them.
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    ticket_type TEXT NOT NULL CHECK (ticket_type IN ('technical', 'billing', 'serviceRequest', 'move')),
    severity TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    priority TEXT NOT NULL CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
    status TEXT NOT NULL CHECK (status IN ('acknowledged', 'inProgress', 'pending', 'held', 'resolved', 'closed', 'rejected', 'cancelled')),
    status_change_reason TEXT,
    status_change_date TEXT NOT NULL,
    channel TEXT NOT NULL,
    assignee_team TEXT NOT NULL,
    escalation_level INTEGER NOT NULL,
    creator_id TEXT,
    creator_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_update TEXT NOT NULL,
    resolution_date TEXT
  ) STRICT;
  CREATE INDEX trouble_ticket_account ON trouble_ticket(billing_account_id, seq);
  CREATE INDEX trouble_ticket_status ON trouble_ticket(status, seq);

  CREATE TABLE trouble_ticket_related_entity (
    ticket_seq INTEGER NOT NULL REFERENCES trouble_ticket(seq),
    seq INTEGER NOT NULL,
    entity_id TEXT NOT NULL,
    referred_type TEXT NOT NULL,
    role TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (ticket_seq, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX trouble_ticket_related_entity_id ON trouble_ticket_related_entity(entity_id);

  -- Comments, chat transcripts and a line for every change (who changed what, when).
  CREATE TABLE trouble_ticket_note (
    ticket_seq INTEGER NOT NULL REFERENCES trouble_ticket(seq),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('comment', 'change', 'chat')),
    author TEXT NOT NULL,
    author_role TEXT NOT NULL,
    date TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (ticket_seq, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE trouble_ticket_status_change (
    ticket_seq INTEGER NOT NULL REFERENCES trouble_ticket(seq),
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    date TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (ticket_seq, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE chat_conversation (
    id TEXT PRIMARY KEY,
    billing_account_id TEXT NOT NULL REFERENCES billing_account(id),
    customer_id TEXT NOT NULL,
    customer_name TEXT NOT NULL,
    agent_id TEXT,
    agent_name TEXT,
    subject TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('waiting', 'active', 'closed')),
    created_at TEXT NOT NULL,
    joined_at TEXT,
    closed_at TEXT,
    ticket_id TEXT
  ) STRICT;
  CREATE INDEX chat_conversation_status ON chat_conversation(status, created_at);

  -- seq is global and increasing: it is the server-sent event id a reconnecting client resumes from.
  CREATE TABLE chat_event (
    seq INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES chat_conversation(id),
    type TEXT NOT NULL CHECK (type IN ('message', 'joined', 'closed')),
    author_name TEXT NOT NULL,
    author_role TEXT NOT NULL,
    text TEXT,
    at TEXT NOT NULL,
    ticket_id TEXT
  ) STRICT;
  CREATE INDEX chat_event_conversation ON chat_event(conversation_id, seq);
`;
