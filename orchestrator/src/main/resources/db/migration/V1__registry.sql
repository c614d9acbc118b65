-- The registry: work orders, units, their jobs and steps, fuse burns, quarantine cases, key custody.
-- Every time is timestamptz (UTC on the wire); structured details are jsonb.

CREATE TABLE work_orders (
    id              text PRIMARY KEY,
    recipe_id       text NOT NULL,
    lot             text NOT NULL,
    quantity        integer NOT NULL CHECK (quantity > 0),
    overbuild_quota integer NOT NULL DEFAULT 0 CHECK (overbuild_quota >= 0),
    started         integer NOT NULL DEFAULT 0 CHECK (started >= 0),
    provisioned     integer NOT NULL DEFAULT 0 CHECK (provisioned >= 0),
    quarantined     integer NOT NULL DEFAULT 0 CHECK (quarantined >= 0),
    status          text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- The quota is enforced by the lifecycle under a row lock; this is the last line of defence.
    CONSTRAINT work_order_quota CHECK (started <= quantity + overbuild_quota)
);

-- Which open work order a station builds; a unit identified on a station without one is held.
CREATE TABLE station_assignments (
    station_id    text PRIMARY KEY,
    work_order_id text NOT NULL REFERENCES work_orders (id),
    assigned_at   timestamptz NOT NULL DEFAULT now()
);

-- When each station was last heard from (any event), for the STATION_SILENT check.
CREATE TABLE stations (
    station_id               text PRIMARY KEY,
    last_seen                timestamptz NOT NULL,
    software_version         text,
    enrolled_key_fingerprint text
);

CREATE TABLE devices (
    id                      bigserial PRIMARY KEY,
    mac                     text NOT NULL UNIQUE CHECK (mac ~ '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$'),
    chip                    text NOT NULL,
    revision                text NOT NULL,
    station_id              text NOT NULL,
    jig_id                  text NOT NULL,
    work_order_id           text REFERENCES work_orders (id),
    recipe_id               text,
    key_material_request_id text,
    -- Wrapped keys only (never plaintext): a retry reissues them to the same station.
    wrapped_keys            jsonb NOT NULL DEFAULT '[]',
    state                   text NOT NULL,
    state_data              jsonb NOT NULL,
    -- Optimistic lock: every update says which version it read.
    version                 bigint NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX devices_state ON devices (state) WHERE state IN ('JOB_ISSUED', 'FLASHING', 'FUSES_BURNING');
CREATE INDEX devices_work_order ON devices (work_order_id);

CREATE TABLE jobs (
    job_id                  text PRIMARY KEY,
    mac                     text NOT NULL REFERENCES devices (mac),
    station_id              text NOT NULL,
    jig_id                  text NOT NULL,
    work_order_id           text,
    recipe_id               text,
    attempt                 integer NOT NULL CHECK (attempt >= 1),
    key_material_request_id text NOT NULL,
    status                  text NOT NULL DEFAULT 'ISSUED'
        CHECK (status IN ('ISSUED', 'RUNNING', 'COMPLETED', 'FAILED', 'ABANDONED')),
    issued_at               timestamptz NOT NULL,
    finished_at             timestamptz,
    UNIQUE (mac, attempt)
);

CREATE TABLE job_steps (
    job_id         text NOT NULL REFERENCES jobs (job_id),
    number         integer NOT NULL CHECK (number >= 1),
    kind           text NOT NULL,
    irreversible   boolean NOT NULL,
    params         jsonb NOT NULL,
    status         text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'STARTED', 'COMPLETED', 'FAILED')),
    started_at     timestamptz,
    finished_at    timestamptz,
    duration_ms    bigint,
    evidence       jsonb,
    failure_reason text,
    PRIMARY KEY (job_id, number)
);

-- One row per burned field; values travel only for fields of at most 64 bits, key blocks carry a KCV.
CREATE TABLE fuse_burns (
    id              bigserial PRIMARY KEY,
    mac             text NOT NULL REFERENCES devices (mac),
    job_id          text NOT NULL,
    step            integer NOT NULL,
    block           integer NOT NULL,
    field           text NOT NULL,
    before_value    text,
    after_value     text,
    kcv             text,
    read_protected  boolean NOT NULL,
    write_protected boolean NOT NULL,
    burned_at       timestamptz NOT NULL,
    UNIQUE (job_id, step, field)
);

CREATE TABLE quarantine_cases (
    quarantine_id           text PRIMARY KEY,
    mac                     text NOT NULL REFERENCES devices (mac),
    job_id                  text,
    failed_step             integer,
    reason                  text NOT NULL,
    irreversible_steps_done boolean NOT NULL,
    evidence                jsonb NOT NULL,
    opened_at               timestamptz NOT NULL,
    closed_at               timestamptz
);
CREATE INDEX quarantine_open ON quarantine_cases (opened_at) WHERE closed_at IS NULL;

CREATE TABLE quarantine_dispositions (
    id            bigserial PRIMARY KEY,
    quarantine_id text NOT NULL REFERENCES quarantine_cases (quarantine_id),
    disposition   text NOT NULL CHECK (disposition IN ('RETEST', 'REWORK', 'SCRAP')),
    decided_by    text NOT NULL,
    reason        text NOT NULL CHECK (length(reason) > 0),
    decided_at    timestamptz NOT NULL
);

-- Where every per-device key has been, as the orchestrator sees it (the vault keeps its own custody records).
CREATE TABLE custody (
    key_id                   text PRIMARY KEY,
    mac                      text NOT NULL,
    request_id               text NOT NULL,
    kind                     text NOT NULL,
    purpose                  text,
    kcv                      text NOT NULL,
    station_id               text NOT NULL,
    wrapping_key_fingerprint text NOT NULL,
    issued_at                timestamptz NOT NULL,
    burned_job_id            text,
    burned_block             text,
    burned_at                timestamptz,
    read_protected           boolean NOT NULL DEFAULT false,
    -- What the vault was asked to do with its copies: DESTROY or ESCROW by recipe, on PROVISIONED or QUARANTINED.
    disposition              text,
    updated_at               timestamptz NOT NULL
);
CREATE INDEX custody_kcv ON custody (kcv);
CREATE INDEX custody_mac ON custody (mac);
