// Generated from /openapi.json by `npm run console:api`: do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and dependencies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Database and Temporal answer */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
                /** @description A dependency is down; `checks` tells which and why; or: The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a workspace with the default cadences installed, and its first admin API key (shown once)
         * @description Authenticated with the operator token (RELANCE_OPERATOR_TOKEN), not an API key.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default Europe/Paris */
                        timeZone?: string;
                        timingRules?: {
                            weekendDays?: number[];
                            holidayTypes?: ("public" | "bank" | "optional" | "school" | "observance")[];
                            extraClosedDates?: string[];
                            sendWindow?: {
                                start: string;
                                end: string;
                            };
                            callWindow?: {
                                start: string;
                                end: string;
                            };
                            bypassWindows?: {
                                days?: number[];
                                start: string;
                                end: string;
                                label: string;
                            }[];
                            directWindows?: {
                                days?: number[];
                                start: string;
                                end: string;
                                label: string;
                            }[];
                            announceEmailTime?: string;
                            announcedCallTime?: string;
                            minGapMinutes?: number;
                            maxTouchesPerWeek?: number;
                            autoReplyPauseDays?: number;
                            warmBeforeCall?: {
                                emails?: number;
                                linkedin?: number;
                            };
                        };
                        escalationPolicy?: {
                            perAccount?: number;
                            perRep?: number;
                            windowDays?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkspaceCreated"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or wrong operator token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Workspace creation is disabled (no operator token configured) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys, oldest first, revoked ones included (never the secret) */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of keys */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ApiKey"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (shown once); a rep key acts as its user */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "ops" | "rep" | "integration";
                        /**
                         * Format: uuid
                         * @description The user a rep key acts as; required for role rep
                         */
                        userId?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKeyCreated"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key; revoking a revoked key changes nothing */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiKey"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such key in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, oldest first, optionally of one role */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    role?: "rep" | "manager" | "ops" | "admin";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of users */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["User"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a rep, manager, ops or admin user */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                        /**
                         * @default rep
                         * @enum {string}
                         */
                        role?: "rep" | "manager" | "ops" | "admin";
                        timeZone?: string;
                        /**
                         * @description Where the person works: their country's public holidays are days away (default: their zone's country)
                         * @example FR
                         */
                        country?: string;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string;
                        phone?: string;
                        /** Format: uuid */
                        managerId?: string;
                        /** @description A field rep (account executive) holds the meetings SDRs book: they answer for their outcome */
                        fieldRep?: boolean;
                        callsPerHour?: number;
                        callBlocks?: {
                            days?: number[];
                            start: string;
                            end: string;
                        }[];
                        /** @description When tasks the team sets itself (an escalation's) may fall due for this person, in their time zone; default Monday to Friday 09:00-18:00. Their zone's public holidays are never worked */
                        workingHours?: {
                            days?: number[];
                            start: string;
                            end: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such manager */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Email already used; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user's time zone, call capacity and blocks, manager, phone, name or role; deactivate or reactivate them */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @enum {string} */
                        role?: "rep" | "manager" | "ops" | "admin";
                        timeZone?: string | null;
                        /**
                         * @description ISO 3166-1 alpha-2 code (any case)
                         * @example FR
                         */
                        country?: string | null;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string | null;
                        phone?: string | null;
                        /** Format: uuid */
                        managerId?: string | null;
                        fieldRep?: boolean;
                        callsPerHour?: number;
                        callBlocks?: {
                            days?: number[];
                            start: string;
                            end: string;
                        }[];
                        /** @description null: back to the default (Monday to Friday 09:00-18:00) */
                        workingHours?: {
                            days?: number[];
                            start: string;
                            end: string;
                        } | null;
                        /** @description false: deactivate the person (no sign-in; their sessions and API keys stop at once, keys revoked for good); true: reactivate (they sign in again with their password) */
                        active?: boolean;
                        /**
                         * Format: uuid
                         * @description With active: false, who takes over their cadences not over, open tasks and promised calls; required when they have any
                         */
                        handTo?: string;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user or manager */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, the manager would create a cycle, an admin deactivating or demoting themselves, a person with work deactivated without handTo, or a successor who is not an active user; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/{userId}/hand-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a person's work to another: their cadences not over, open tasks and promised calls
         * @description Later tasks, call slots and emails are the new rep's (emails leave from their default mailbox). Each cadence moved gets an enrollment.handed_over event.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uuid
                         * @description The active user who takes over
                         */
                        to: string;
                        /** @description Said on each cadence's timeline, e.g. "territory change" */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Handed over */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HandOver"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The successor is unknown, the same person or deactivated; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A rep's time off, earliest first
         * @description Ops, the rep's manager, or the rep (its own time off, without a cover)
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The time off */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["RepAbsence"][];
                        };
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Declare a rep's time off: no call is announced in it, and their cadences wait or pass to the covering rep
         * @description Ops, the rep's manager, or the rep (its own time off, without a cover). The public holidays of the rep's country count as days away too, without a declaration.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description A date (YYYY-MM-DD) in the rep's zone
                         * @example 2026-12-21
                         */
                        startsOn: string;
                        /**
                         * Format: date
                         * @description The last day away (inclusive); the rep is back the next day
                         * @example 2026-12-21
                         */
                        endsOn: string;
                        /**
                         * Format: uuid
                         * @description The rep who takes this rep's tasks and announced calls meanwhile (ops or the rep's manager choose); none: the rep's cadences wait for the return
                         */
                        coveringUserId?: string;
                        /** @description Why, for the team (never shown to prospects) */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Declared, with what it changed */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepAbsenceWritten"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Choosing a covering rep needs ops or the rep's manager; or: The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user, or no such covering user, in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description It overlaps another time off of the rep; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body: dates out of order, already over, longer than a year; a rep covering for themselves; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/absences/{absenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a time off: the rep's cadences plan their waiting steps again
         * @description Ops, the rep's manager, or the rep (its own time off, without a cover)
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                    absenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user or time off */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a time off: its dates, its covering rep (null: the cadences wait), its note
         * @description Ops, the rep's manager, or the rep (its own time off, without a cover)
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                    absenceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description A date (YYYY-MM-DD) in the rep's zone
                         * @example 2026-12-21
                         */
                        startsOn?: string;
                        /**
                         * Format: date
                         * @description A date (YYYY-MM-DD) in the rep's zone
                         * @example 2026-12-21
                         */
                        endsOn?: string;
                        /**
                         * Format: uuid
                         * @description The rep who takes this rep's tasks and announced calls meanwhile (ops or the rep's manager choose); none: the rep's cadences wait for the return
                         */
                        coveringUserId?: string | null;
                        /** @description Why, for the team (never shown to prospects) */
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Changed, with what it changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RepAbsenceWritten"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Choosing a covering rep needs ops or the rep's manager; or: The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user, time off or covering user */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description It overlaps another time off of the rep */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password: a new session (cookie), any earlier one of this browser ended */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Signed in */
                200: {
                    headers: {
                        /** @description relance_session (HttpOnly) and relance_csrf */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Wrong email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The person was deactivated by an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many sign-in attempts from this address, or the account is locked after failed ones; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation or a password reset link: set the password and sign in (a reset ends every other session) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token of the link (after `token=`) */
                        token: string;
                        /** @description 12 to 256 characters */
                        password: string;
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Password set, signed in */
                200: {
                    headers: {
                        /** @description relance_session (HttpOnly) and relance_csrf */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The person was deactivated by an admin */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such link, or it expired or was used */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This email already signs in to another workspace */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The setup link printed by `npm start`: the instance's first workspace and its first admin, signed in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The token of the link (after `token=`) */
                        token: string;
                        workspaceName: string;
                        /** @default Europe/Paris */
                        timeZone?: string;
                        name: string;
                        /** Format: email */
                        email: string;
                        /** @description 12 to 256 characters */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Workspace and admin created, signed in */
                201: {
                    headers: {
                        /** @description relance_session (HttpOnly) and relance_csrf */
                        "Set-Cookie"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such link, or it expired or was used */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body or unknown time zone; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the person, the workspace, the role, and the CSRF token of a session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The caller */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (nothing to end for an API key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out (1 session ended, 0 for an API key); the cookies are cleared */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
                /** @description Malformed request: the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/sign-out-everywhere": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the person calling, in every browser */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description How many sessions ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
                /** @description Malformed request: the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An API key that acts as no one has no sessions; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/invitation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An invitation link for a user who has no password yet (shown once, valid 7 days; earlier ones void) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SignInLinkRequest"];
                };
            };
            responses: {
                /** @description The link, and with `send` what became of its email (not sent: `sent: false` and why) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInLink"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Only an admin invites an admin or sends from someone else's mailbox; or: The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user (or mailbox) in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The user already has a password (issue a reset), or is deactivated; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A password reset link for a user (shown once, valid 1 hour; earlier ones void); using it ends their sessions */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SignInLinkRequest"];
                };
            };
            responses: {
                /** @description The link, and with `send` what became of its email (not sent: `sent: false` and why) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SignInLink"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user (or mailbox) in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The user has no password yet (send an invitation), or is deactivated; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's single sign-on provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The settings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SsoSettings"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No single sign-on */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the workspace's OpenID Connect provider (issuer, client id and secret; the secret is sealed and never returned) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        issuer: string;
                        clientId: string;
                        clientSecret: string;
                    };
                };
            };
            responses: {
                /** @description Saved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SsoSettings"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, or an issuer that is not https; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Turn single sign-on off (sessions already open stay open) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No single sign-on */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts, oldest first, optionally the one of a domain */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    domain?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of accounts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Account"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add an account (company) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        domain?: string;
                        /**
                         * @description ISO 3166-1 alpha-2 code (any case)
                         * @example FR
                         */
                        country?: string;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Domain already used; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such account in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an account's name, domain, country or region */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        domain?: string | null;
                        /**
                         * @description ISO 3166-1 alpha-2 code (any case)
                         * @example FR
                         */
                        country?: string | null;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string | null;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Account"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such account in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Domain already used */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/prospects/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import prospects in bulk (JSON or CSV); existing emails are updated, bad rows reported
         * @description Deduplicated by email, case-insensitively: the first row of an email wins, and an email already in the workspace updates that prospect with the non-blank fields. Accounts are found or created by companyDomain. `row` in errors is 1-based (CSV: the first line after the header).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProspectImport"];
                    "text/csv": string;
                };
            };
            responses: {
                /** @description Imported */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProspectImportResult"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Body over 16 MiB; or: The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither JSON nor CSV; or: The body is not application/json or text/csv */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not an import: no rows, too many, unknown columns, unreadable CSV; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prospects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prospects, oldest first, filtered by status, account or email, or searched by name or email (q) */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "active" | "opted_out" | "invalid_email";
                    accountId?: string;
                    /** @description Exact address, case-insensitive */
                    email?: string;
                    /** @description Search: a part of the first name, last name, full name or email, case-insensitive */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of prospects */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Prospect"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a prospect (and its account); the time zone is explicit or derived from country and region */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        firstName?: string;
                        lastName?: string;
                        title?: string;
                        phone?: string;
                        /** Format: uri */
                        linkedinUrl?: string;
                        /**
                         * @description ISO 3166-1 alpha-2 code (any case)
                         * @example FR
                         */
                        country?: string;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string;
                        timeZone?: string;
                        /** Format: uuid */
                        accountId?: string;
                        account?: {
                            name: string;
                            domain?: string;
                            /**
                             * @description ISO 3166-1 alpha-2 code (any case)
                             * @example FR
                             */
                            country?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Prospect"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Email already used; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prospects/{prospectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One prospect */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prospectId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The prospect */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Prospect"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such prospect in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a prospect's contact details, place or account */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prospectId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string | null;
                        firstName?: string | null;
                        lastName?: string | null;
                        title?: string | null;
                        phone?: string | null;
                        /** Format: uri */
                        linkedinUrl?: string | null;
                        /**
                         * @description ISO 3166-1 alpha-2 code (any case)
                         * @example FR
                         */
                        country?: string | null;
                        /**
                         * @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country)
                         * @example FR-67
                         */
                        region?: string | null;
                        timeZone?: string | null;
                        /** Format: uuid */
                        accountId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Prospect"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such prospect or account */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Email already used */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/suppressions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The suppression list, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of entries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Suppression"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Suppress an address or a domain and stop the cadences it covers; suppressing it again returns the existing entry (200) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description An email address or a domain (example.com) */
                        value: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Already suppressed; any covered cadence still running is stopped */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuppressionAdded"];
                    };
                };
                /** @description Created; the covered cadences are stopped */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SuppressionAdded"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not an address or a domain; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Recorded, but some cadences could not be reached: post again; or: The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppressions/{suppressionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a suppression (touches already suppressed stay so) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    suppressionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such entry in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sequences (by key) with their latest published version, or their draft when none is published */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "draft" | "active" | "archived";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of sequences */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: (components["schemas"]["SequenceVersion"] & {
                                draftVersion: number | null;
                            })[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a sequence from a validated definition, published as version 1 (or kept as a draft) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: components["schemas"]["SequenceDefinition"];
                        /**
                         * @description false: keep version 1 as a draft (no enrollment may use it)
                         * @default true
                         */
                        publish?: boolean;
                    };
                };
            };
            responses: {
                /** @description Created (published, or a draft when publish is false) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceVersion"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key is already used in this workspace; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid definition; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a definition without writing anything */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: components["schemas"]["SequenceDefinition"];
                    };
                };
            };
            responses: {
                /** @description The verdict; `errors` names each field */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            valid: boolean;
                            errors: {
                                field: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the draft (created when there is none); enrollments never see it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: components["schemas"]["SequenceDefinition"];
                    };
                };
            };
            responses: {
                /** @description The draft */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceVersion"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The sequence is archived */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid definition; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a new version (the body, or the draft when no body); running enrollments keep theirs, new ones take it */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        definition?: components["schemas"]["SequenceDefinition"] & unknown;
                    };
                };
            };
            responses: {
                /** @description Published */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceVersion"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The sequence is archived, or there is no draft to publish; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid definition; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive: new enrollments are refused with 409, running ones continue */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Archived */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            sequenceId: string;
                            key: string;
                            name: string;
                            status: string;
                            createdAt: string;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sequence with all its versions, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sequence */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceDetail"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview a definition or version: each step's timing in words and, for a prospect, its templates rendered and its planned time in their zone
         * @description Uses the template engine and the planning the cadence uses when it runs; writes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A definition being edited (not saved); omit to preview `version` */
                        definition?: {
                            [key: string]: unknown;
                        };
                        /** @description A stored version; with neither, the draft, else the latest published version */
                        version?: number;
                        /**
                         * Format: uuid
                         * @description Render and plan for this prospect, in their zone; omit for the steps in words only
                         */
                        prospectId?: string;
                        /**
                         * Format: uuid
                         * @description The rep whose name and phone the templates use (default: the caller)
                         */
                        repId?: string;
                        /** @description The trigger event the enrollment would carry */
                        context?: string;
                        /** @description The reason to call the enrollment would carry */
                        pretext?: string;
                    };
                };
            };
            responses: {
                /** @description The steps, rendered and planned */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequencePreview"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence, version, prospect or rep in this workspace; `errors` names the field */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description An invalid definition (`errors` names each field), both a definition and a version, or a prospect whose zone cannot be read; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed from one version to another: steps added, removed, changed field by field, reordered */
        get: {
            parameters: {
                query?: {
                    /** @description Default: the published version before `to` */
                    from?: number;
                    /** @description Default: the draft, else the latest published version */
                    to?: number;
                };
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The changes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceDiff"];
                    };
                };
                /** @description Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence, or no such version (or none before `to`); `errors` names query.from or query.to */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sequences/{sequenceId}/enrollment-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many enrollments run each version, by status (a rep key: its own and its reports'); list them with GET /v1/enrollments?sequenceId=&sequenceVersion= */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Counts per version, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceVersionEnrollments"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Enrollments, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "pending" | "active" | "paused" | "completed" | "stopped";
                    prospectId?: string;
                    repId?: string;
                    sequenceId?: string;
                    /** @description With sequenceId: the enrollments running this version */
                    sequenceVersion?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of enrollments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Enrollment"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Enroll a prospect in a sequence (idempotent: enrolling twice returns the same enrollment) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EnrollmentCreate"];
                };
            };
            responses: {
                /** @description Already enrolled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Enrolled; the workflow started */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Prospect, sequence or rep not found in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Opted-out prospect, archived or unpublished sequence; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body; a suppressed prospect (body.prospectId); not one of the rep's mailboxes (body.mailboxId); or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enroll up to 1000 prospects; each item succeeds or fails on its own */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description EnrollmentCreate objects, each validated on its own */
                        items: unknown[];
                    };
                };
            };
            responses: {
                /** @description One result per item, in order; invalid items carry a problem naming their fields (body.items.N.field) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            existing: number;
                            failed: number;
                            results: {
                                index: number;
                                /** @description 201 enrolled, 200 already enrolled, else the problem status */
                                status: number;
                                enrollment?: components["schemas"]["Enrollment"];
                                error?: components["schemas"]["Problem"];
                            }[];
                        };
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a list of 1 to 1,000 items; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One enrollment with its status, history and upcoming steps with their due times */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The enrollment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The events of the enrollment, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TimelineEvent"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/upcoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The next steps with their due times, as the workflow projects them: after a pause (steps due during it planned again from its end), a reschedule or a skip; empty once it has finished */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The upcoming steps */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                            /** @description The pause's end; null when not paused, or paused until resumed (then every step not yet in the queue has dueAt null) */
                            pausedUntil: string | null;
                            data: components["schemas"]["UpcomingStep"][];
                        };
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The workflow could not be queried; or: The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause the cadence (until a date, or until resumed) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                        /** Format: date-time */
                        until?: string;
                    };
                };
            };
            responses: {
                /** @description The enrollment after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The action does not fit the enrollment state; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused cadence */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description The enrollment after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The action does not fit the enrollment state; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop the cadence for good */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The enrollment after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The action does not fit the enrollment state; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Skip the current step */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description The enrollment after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Enrollment"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The action does not fit the enrollment state; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrollments/{enrollmentId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the current step to another time. The time follows the rules planning follows (the prospect's zone, business days and public holidays, the step's send or call window, the gap and weekly cap on touches): one they do not allow moves to the next allowed time, and the answer says when and why. `ignoreTimingRules: true` overrides them. An email's announced call is computed again from its new send time. */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    enrollmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RescheduleRequest"];
                };
            };
            responses: {
                /** @description The enrollment after the reschedule, and what the reschedule did */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RescheduledEnrollment"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such enrollment in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The enrollment is over, paused (resume it first), executing a step, or at an escalation step; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body: `at` not in the future or no time the rules allow (body.at), a blank reason (body.reason); or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reps/{repId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rep's task queue: expected callbacks due now, announced calls due now, then the rest by due time (overdue first); `status=upcoming` lists the announced calls planned whose email has not left yet */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description open: actionable; upcoming: an announced call planned (its slot reserved) whose email has not left yet, shown so the rep prepares, not yet actionable; done, missed, cancelled: closed */
                    status?: "upcoming" | "open" | "done" | "missed" | "cancelled";
                };
                header?: never;
                path: {
                    repId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the queue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Task"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such rep in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's tasks in due order, by status and rep */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description open: actionable; upcoming: an announced call planned (its slot reserved) whose email has not left yet, shown so the rep prepares, not yet actionable; done, missed, cancelled: closed */
                    status?: "upcoming" | "open" | "done" | "missed" | "cancelled";
                    repId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tasks */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Task"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The task */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete a task with its outcome (call outcomes, notes, objections, callback time, blocker) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TaskOutcome"];
                };
            };
            responses: {
                /** @description Completed; what comes next */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            task: components["schemas"]["Task"];
                            enrollmentStatus: string;
                            next: {
                                stepId: string;
                                dueAt: string;
                            } | null;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task is not open (upcoming: not actionable yet; already completed, missed or cancelled), or it asks for a meeting's outcome (recorded on its handoff); or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The outcome does not fit the step; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an open task to another rep's queue (ops, or the rep's manager) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        repId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Reassigned */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither ops nor the rep's manager; or: The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such task or rep in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task is not open; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Booked meetings handed to field reps, newest first (a rep: those they set or hold, and their reports') */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "to_schedule" | "scheduled" | "awaiting_outcome" | "held" | "no_show" | "cancelled_by_prospect" | "cancelled_by_us" | "disqualified";
                    fieldRepId?: string;
                    setterId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of handoffs */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Handoff"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One handoff */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handoffId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The handoff */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Handoff"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such handoff in this workspace (or out of the caller's reach) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the meeting's outcome: held, no-show, rescheduled (with its new time), cancelled by the prospect or by us, disqualified
         * @description The field rep who holds it, their manager, ops or admin. Closes the outcome tasks of the follow-up.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    handoffId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MeetingOutcome"];
                };
            };
            responses: {
                /** @description Recorded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Handoff"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither the field rep, their manager, nor ops; or: The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such handoff in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The outcome is already recorded; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoffs/{handoffId}/reschedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give the meeting a new time (and optionally a place or another field rep); the follow-up starts over on the same handoff
         * @description The field rep, the SDR who set it, the manager of either, ops or admin.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    handoffId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MeetingReschedule"];
                };
            };
            responses: {
                /** @description Rescheduled */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Handoff"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Neither the field rep, the SDR, their managers, nor ops; or: The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such handoff in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The outcome is already recorded; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, or the field rep is not one; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The manager's view: each rep's actions over a period, and the team's total
         * @description Ops and admin: anyone (everyone by default). A rep: themself and the people reporting to them (a manager's team).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description One person */
                    repId?: string;
                    /** @description A manager's team: the people reporting to them */
                    managerId?: string;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityReport"];
                        "text/csv": string;
                    };
                };
                /** @description Bad query; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such person within reach */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/activity/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rows behind one figure of the manager's view (tasks, meetings or escalations), in time order */
        get: {
            parameters: {
                query: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description One person */
                    repId?: string;
                    /** @description A manager's team: the people reporting to them */
                    managerId?: string;
                    figure: "tasksDue" | "doneOnTime" | "doneLate" | "overdue" | "skipped" | "missed" | "callsMade" | "announcedKept" | "announcedBroken" | "meetingsSet" | "meetingsReceived" | "meetingsHeld" | "meetingsNotHeld" | "escalationsUsed" | "overdueNow";
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of rows (CSV: all of them, up to 10000) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ActivityFigureRow"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such person within reach */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/objections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The objections heard most over a period, by sequence, step and rep, with their weekly trend */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    sequenceId?: string;
                    /** @description A step's id in its sequence (e.g. announced-call) */
                    stepId?: string;
                    repId?: string;
                    /** @description How many tags, 1 to 100 */
                    top?: number;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The top objections (CSV: one line per tag) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ObjectionsReport"];
                        "text/csv": string;
                    };
                };
                /** @description Bad query; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/objections/calls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calls where an objection tag was heard, in the order they were logged */
        get: {
            parameters: {
                query: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    sequenceId?: string;
                    /** @description A step's id in its sequence (e.g. announced-call) */
                    stepId?: string;
                    repId?: string;
                    tag: string;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of calls (CSV: all of them, up to 10000) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ObjectionCall"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/sequences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every sequence's totals over a period: enrollments, replies by kind, meetings, opt-outs, bounces, broken announcements
         * @description The enrollments whose first touch happened in the period, each outcome once per enrollment. Per version and step: GET /v1/reports/sequences/{sequenceId}.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The totals (CSV: one line per sequence) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequencesReport"];
                        "text/csv": string;
                    };
                };
                /** @description Bad query; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/sequences/{sequenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sequence analytics: per version and per step, reached, replies by kind, meetings, opt-outs, bounces, broken announcements, conversion to the next step
         * @description The enrollments whose first touch happened in the period (`from`/`to`, default the last 7 days), followed up to now. An outcome counts on the step it is about: the task it was logged on, the email an inbound mail answered, else the last step reached. No open rates: see docs/reports.md.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description One version of the sequence */
                    version?: number;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures (CSV: one line per version and step) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceReport"];
                        "text/csv": string;
                    };
                };
                /** @description Bad query; or: Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/sequences/{sequenceId}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A/B variants of a sequence's email steps: each variant's sample, replies by kind, positive replies, meetings, opt-outs, clicks, intervals and the winner
         * @description Per version and A/B step, the enrollments (of the sequence analytics' cohort) each variant's email reached, and what those enrollments did in the cadence (a reply, an opt-out or a meeting ends it, so they follow the email). The winner is chosen on meetings, then positive replies, never on raw replies, and only once every variant reached `minSample` prospects with one variant's 95% interval above the others'.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description One version of the sequence */
                    version?: number;
                    /** @description Prospects each variant must reach before a winner is named (default 100) */
                    minSample?: number;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The variants (CSV: one line per version, step and variant) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SequenceVariantsReport"];
                        "text/csv": string;
                    };
                };
                /** @description Bad query; or: Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/sequences/{sequenceId}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enrollments behind one figure of the sequence analytics, in time order */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    /** @description Start of the period (inclusive); default: 7 days before `to` */
                    from?: string;
                    /** @description End of the period (exclusive); default: now */
                    to?: string;
                    /** @description One version of the sequence */
                    version?: number;
                    /** @description The figure whose rows to list (default reached) */
                    figure?: "reached" | "replied" | "positiveReplies" | "notInterested" | "outOfOffice" | "unsubscribed" | "optedOut" | "bounced" | "meetings" | "brokenAnnouncements" | "continued" | "clicked";
                    /** @description A step's id (e.g. announced-call) */
                    stepId?: string;
                    /** @description csv: the same report as a CSV download (or send Accept: text/csv) */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    sequenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of rows (CSV: all of them, up to 10000) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["SequenceFigureRow"][];
                            nextCursor: string | null;
                        };
                        "text/csv": string;
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, rep) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such sequence */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/timing-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's timing rules (overrides) and the effective rules */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The rules */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"] & {
                            /** @description The overrides merged with the defaults: what cadences use */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace the workspace's timing rules (sequences may override them) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        weekendDays?: number[];
                        holidayTypes?: ("public" | "bank" | "optional" | "school" | "observance")[];
                        extraClosedDates?: string[];
                        sendWindow?: {
                            start: string;
                            end: string;
                        };
                        callWindow?: {
                            start: string;
                            end: string;
                        };
                        bypassWindows?: {
                            days?: number[];
                            start: string;
                            end: string;
                            label: string;
                        }[];
                        directWindows?: {
                            days?: number[];
                            start: string;
                            end: string;
                            label: string;
                        }[];
                        announceEmailTime?: string;
                        announcedCallTime?: string;
                        minGapMinutes?: number;
                        maxTouchesPerWeek?: number;
                        autoReplyPauseDays?: number;
                        warmBeforeCall?: {
                            emails?: number;
                            linkedin?: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid rules; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/escalation-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The escalation quotas (overrides) and the effective quotas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"] & {
                            /** @description The overrides merged with the defaults: what cadences use */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace the escalation quotas (per account, per rep, over a window) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        perAccount?: number;
                        perRep?: number;
                        windowDays?: number;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid policy; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliverability-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hard-bounce and complaint limits that pause a mailbox (overrides) and the effective limits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliverabilityPolicy"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the limits that pause a mailbox: over its `window` latest sends, `hardBouncesToPause` hard bounces or `complaintsToPause` spam complaints
         * @description Applies from the next bounce or complaint counted; a mailbox already paused stays paused until ops resume it.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        window?: number;
                        hardBouncesToPause?: number;
                        complaintsToPause?: number;
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliverabilityPolicy"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid policy, or a limit above the window (it could never be reached); or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** When a booked meeting's outcome is asked for, the field rep reminded and their manager told (overrides and effective values) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"] & {
                            /** @description The overrides merged with the defaults: what cadences use */
                            effective: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Replace the handoff follow-up's delays: meetingMinutes (asked when the meeting should be over), reminderAfterHours, managerAfterHours */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        meetingMinutes?: number;
                        reminderAfterHours?: number;
                        managerAfterHours?: number;
                    };
                };
            };
            responses: {
                /** @description Updated; applies from the next step of each follow-up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Workspace"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid policy; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{userId}/capacity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a rep's call capacity: announced calls per hour and dedicated call blocks */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        callsPerHour: number;
                        /** @description Call blocks in the rep's zone; empty means any time in the call window */
                        callBlocks: {
                            days?: number[];
                            start: string;
                            end: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Updated; applies to the next calls reserved */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            callsPerHour: number;
                            /** @description Call blocks in the rep's zone; empty means any time in the call window */
                            callBlocks: {
                                days?: number[];
                                start: string;
                                end: string;
                            }[];
                            /** Format: uuid */
                            userId: string;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such user in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid capacity; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holidays": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Holidays of a country (and region) for a year, as the scheduler sees them */
        get: {
            parameters: {
                query: {
                    /** @description ISO 3166-1 alpha-2 code (any case) */
                    country: string;
                    /** @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country) */
                    region?: string;
                    year?: number;
                    /** @description Comma-separated holiday types; default public */
                    types?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The holidays, by date */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HolidayList"];
                    };
                };
                /** @description Unknown country, region or type; `errors` names the query parameter; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/timing-calendar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The next days for a place under the workspace's timing rules: windows day by day, holidays and weekends
         * @description Give a country (and region), or a time zone, or both: a zone alone takes its country's holidays. Windows are in the place's local time, as the scheduler uses them (a window in a DST gap shifts or drops).
         */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 3166-1 alpha-2 code (any case) */
                    country?: string;
                    /** @description ISO 3166-2 subdivision ("US-CA", or "CA" with the country) */
                    region?: string;
                    /** @description IANA zone; default: the country's (or region's) zone */
                    timeZone?: string;
                    /** @description The first day (YYYY-MM-DD, 1970 to 2200); default today in the place's zone */
                    from?: string;
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The days, from the first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TimingCalendar"];
                    };
                };
                /** @description Unknown country, region or zone, a country spanning zones without region or zone, or neither given; `errors` names the query parameter; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/prospects/{prospectId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a reply, bounce, opt-out or out-of-office: stops or pauses the prospect’s cadences */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    prospectId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "reply";
                        detail?: string;
                    } | {
                        /** @enum {string} */
                        type: "bounce";
                        /** @enum {string} */
                        bounceKind?: "hard" | "soft";
                        detail?: string;
                    } | {
                        /** @enum {string} */
                        type: "opt_out";
                    } | {
                        /** @enum {string} */
                        type: "auto_reply";
                        /** Format: date-time */
                        returnAt?: string;
                    };
                };
            };
            responses: {
                /** @description Accepted and signalled */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrollmentsSignalled: number;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such prospect in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of subscriptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookSubscription"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to events; the signing secret is returned once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url: string;
                        /**
                         * @default [
                         *       "*"
                         *     ]
                         */
                        eventTypes?: ("enrollment.started" | "enrollment.step_executed" | "enrollment.completed" | "enrollment.stopped" | "enrollment.paused" | "enrollment.resumed" | "enrollment.handed_over" | "task.created" | "task.completed" | "task.missed" | "email.sent" | "touch.suppressed" | "touch.retrying" | "touch.held" | "touch.cancelled" | "touch.failed" | "touch.uncertain" | "touch.sent" | "mailbox.disconnected" | "mailbox.paused" | "mailbox.dns_failing" | "email.replied" | "email.bounced" | "call.logged" | "meeting.booked" | "handoff.created" | "handoff.outcome_requested" | "handoff.outcome_reminder" | "handoff.outcome_overdue" | "handoff.outcome_recorded" | "handoff.rescheduled" | "escalation.requested" | "escalation.refused" | "prospect.opted_out" | "webhook.disabled" | "*")[];
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"] & {
                            /** @description whsec_...: shown once */
                            secret: string;
                        };
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, or a URL webhooks may not reach; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The webhook subscription */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a subscription and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the URL, event types or description; status active re-enables a disabled subscription */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url?: string;
                        eventTypes?: ("enrollment.started" | "enrollment.step_executed" | "enrollment.completed" | "enrollment.stopped" | "enrollment.paused" | "enrollment.resumed" | "enrollment.handed_over" | "task.created" | "task.completed" | "task.missed" | "email.sent" | "touch.suppressed" | "touch.retrying" | "touch.held" | "touch.cancelled" | "touch.failed" | "touch.uncertain" | "touch.sent" | "mailbox.disconnected" | "mailbox.paused" | "mailbox.dns_failing" | "email.replied" | "email.bounced" | "call.logged" | "meeting.booked" | "handoff.created" | "handoff.outcome_requested" | "handoff.outcome_reminder" | "handoff.outcome_overdue" | "handoff.outcome_recorded" | "handoff.rescheduled" | "escalation.requested" | "escalation.refused" | "prospect.opted_out" | "webhook.disabled" | "*")[];
                        description?: string | null;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (returned once); the previous one stays valid for 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rotated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookSubscription"] & {
                            /** @description whsec_...: shown once */
                            secret: string;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log, newest first, with every attempt */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    status?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message again (same webhook-id, so receivers can deduplicate) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            /** @enum {string} */
                            status: "pending";
                        };
                    };
                };
                /** @description Malformed request: a path parameter, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such webhook subscription in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The subscription is disabled; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{workspaceId}/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Email events (reply, bounce, out-of-office, unsubscribe), or the email itself to classify
         * @description Signed per Standard Webhooks with the email source's secret (PUT /v1/inbound-sources/email).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per message, stable across retries: a replay is acknowledged, not applied */
                    "webhook-id": string;
                    /** @description Unix seconds; refused when more than 5 minutes off */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret> */
                    "webhook-signature": string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundEmail"];
                };
            };
            responses: {
                /** @description This webhook-id was already received: nothing applied again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Accepted; `applied` says whether it changed anything */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            /** @enum {boolean} */
                            duplicate: false;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, stale or wrong signature, or no such source */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task the event is about does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The event does not fit the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body does not match the schema; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{workspaceId}/telephony": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Telephony events: call completed with its disposition, voicemail dropped
         * @description Signed per Standard Webhooks with the telephony source's secret (PUT /v1/inbound-sources/telephony).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per message, stable across retries: a replay is acknowledged, not applied */
                    "webhook-id": string;
                    /** @description Unix seconds; refused when more than 5 minutes off */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret> */
                    "webhook-signature": string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundTelephony"];
                };
            };
            responses: {
                /** @description This webhook-id was already received: nothing applied again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Accepted; `applied` says whether it changed anything */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            /** @enum {boolean} */
                            duplicate: false;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, stale or wrong signature, or no such source */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task the event is about does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The event does not fit the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body does not match the schema; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{workspaceId}/linkedin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * LinkedIn events: note sent, invitation accepted, message replied
         * @description Signed per Standard Webhooks with the linkedin source's secret (PUT /v1/inbound-sources/linkedin).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per message, stable across retries: a replay is acknowledged, not applied */
                    "webhook-id": string;
                    /** @description Unix seconds; refused when more than 5 minutes off */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret> */
                    "webhook-signature": string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundLinkedin"];
                };
            };
            responses: {
                /** @description This webhook-id was already received: nothing applied again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Accepted; `applied` says whether it changed anything */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            /** @enum {boolean} */
                            duplicate: false;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, stale or wrong signature, or no such source */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task the event is about does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The event does not fit the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body does not match the schema; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{workspaceId}/crm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * CRM events: opt-out, meeting booked, stop
         * @description Signed per Standard Webhooks with the crm source's secret (PUT /v1/inbound-sources/crm).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per message, stable across retries: a replay is acknowledged, not applied */
                    "webhook-id": string;
                    /** @description Unix seconds; refused when more than 5 minutes off */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret> */
                    "webhook-signature": string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundCrm"];
                };
            };
            responses: {
                /** @description This webhook-id was already received: nothing applied again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Accepted; `applied` says whether it changed anything */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            /** @enum {boolean} */
                            duplicate: false;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, stale or wrong signature, or no such source */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task the event is about does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The event does not fit the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body does not match the schema; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound/{workspaceId}/lead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inbound leads: enrolled in the expected-callback cadence, call due within minutes
         * @description Signed per Standard Webhooks with the lead source's secret (PUT /v1/inbound-sources/lead).
         */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description Unique per message, stable across retries: a replay is acknowledged, not applied */
                    "webhook-id": string;
                    /** @description Unix seconds; refused when more than 5 minutes off */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{raw body}" with the whsec_ secret> */
                    "webhook-signature": string;
                };
                path: {
                    workspaceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InboundLead"];
                };
            };
            responses: {
                /** @description This webhook-id was already received: nothing applied again */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            duplicate: true;
                        };
                    };
                };
                /** @description Accepted; `applied` says whether it changed anything */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applied: boolean;
                            /** @enum {boolean} */
                            duplicate: false;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing, stale or wrong signature, or no such source */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The task the event is about does not exist */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The event does not fit the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body does not match the schema; `errors` names each field; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-sources/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or rotate a source's signing secret (returned once) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: "email" | "telephony" | "linkedin" | "crm" | "lead";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rotated: the previous secret no longer verifies */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundSourceSecret"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InboundSourceSecret"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove a source: its deliveries are refused from now on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: "email" | "telephony" | "linkedin" | "crm" | "lead";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such source */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/inbound-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The configured inbound sources (never their secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The sources */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["InboundSource"][];
                        };
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mailboxes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mailboxes, oldest first, by user and status, each with its live send figures */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                    userId?: string;
                    status?: "connected" | "disconnected" | "paused" | "disabled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of mailboxes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["MailboxWithFigures"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a rep's sending mailbox (SMTP settings and password, optionally IMAP to read its replies, or a Gmail or Microsoft 365 OAuth refresh token)
         * @description Without credentials the mailbox is `disconnected` (its emails wait) until PUT .../credentials. The first mailbox of a user is its default. SMTP and IMAP log in with a password or with OAuth2 (XOAUTH2: `oauth2` with the token endpoint, client id and secret and a refresh token; sealed, never returned; a grant the provider refuses disconnects the mailbox with the reason). An SMTP mailbox with `imap` settings has its replies, out-of-office answers and bounces read by a worker over IMAP (IDLE on INBOX, every folder read again every 30 s): a reply stops the cadence within a minute. The OAuth consent flow is not part of Relance: an integration obtains the refresh token and hands it over here. Gmail: for the OAuth client of GOOGLE_CLIENT_ID, scopes gmail.send, gmail.readonly, calendar.events. Microsoft 365: for the Entra app of MICROSOFT_CLIENT_ID, permissions Mail.ReadWrite, Mail.Send, Calendars.ReadWrite, offline_access; emails leave through Microsoft Graph, replies are read from the inbox and junk folders (delta queries, every 30 s), and the refresh token Microsoft rotates at each use is sealed and stored in place of the old one.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxCreate"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rep key adding a mailbox for another user */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Address already used; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, unknown user, an SMTP or IMAP host or OAuth2 token endpoint mailboxes may not use, or both a password and an OAuth2 grant; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mailboxes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One mailbox, with what it sent in the last hour and 24 hours and what waits on it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The mailbox */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailboxWithFigures"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a mailbox; refused while emails or calendar holds still wait on it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Emails or calendar holds still wait on it */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename, make default, change caps (ops), disable, re-enable or resume after a bounce pause (ops) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxPatch"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Caps and status are for ops */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Re-enabling a mailbox without credentials */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/mailboxes/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Reconnect: new SMTP password or OAuth2 grant (with settings) or Gmail or Microsoft 365 refresh token; held emails leave again. SMTP mailboxes: `imap` alone sets, changes or (null) removes how replies are read */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxCredentials"];
                };
            };
            responses: {
                /** @description Connected */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or wrong credential for this provider, or an IMAP host or OAuth2 token endpoint mailboxes may not use; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mailboxes/{id}/dkim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * SMTP mailboxes: sign emails with DKIM under this selector, with the given private key or one generated now; answers the TXT record to publish
         * @description The private key is sealed like the password and never returned. Publish `dkim.dnsRecord` in the sending domain, then POST .../dns-check to see receivers can find it.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MailboxDkimSettings"];
                };
            };
            responses: {
                /** @description Signing from the next email on */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A Gmail mailbox (Google signs), a selector that is not DNS labels, or a key that is not an RSA (1024 to 4096 bits) or Ed25519 PEM private key; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Stop DKIM-signing this mailbox's emails; the sealed key is deleted */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No longer signed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Mailbox"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/mailboxes/{id}/dns-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check the sending domain's SPF, DKIM and DMARC records now; the result is kept on the mailbox (`dns`)
         * @description SPF: whether the record lets the SMTP host (its addresses) send for the domain (Gmail: whether it includes Google). DKIM: the selector Relance signs with (Gmail: `google`) and, when Relance signs, whether the published key is its own. DMARC: the policy that applies, from the domain or its organizational domain. Each record is `found`, `missing`, `invalid` or `unknown` (the lookup failed) with what is wrong in words.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The mailbox with its fresh check */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailboxWithFigures"];
                    };
                };
                /** @description Malformed request: a path parameter, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such mailbox in this workspace (or another rep than the key) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Action providers, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description 1 to 200, default 50 */
                    limit?: number;
                    /** @description nextCursor of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of providers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ActionProvider"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Bad query or cursor; or: Malformed request: a query parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Hand a channel's touches (linkedin, call, voicemail) to an external service; the signing secret is returned once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "linkedin" | "call" | "voicemail";
                        /** Format: uri */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionProvider"] & {
                            /** @description whsec_...: shown once; verifies the webhook-signature of every action */
                            secret: string;
                        };
                    };
                };
                /** @description Malformed request: a body that is not JSON, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel already has a provider; or: A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body, or a URL Relance may not reach; or: No body, or a body that does not match the schema; `errors` names each field; or: This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/action-providers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One action provider */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The action provider */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionProvider"];
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such action provider in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a provider: actions not yet handed over go back to the reps as plain tasks */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such action provider in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the URL, or disable (actions not yet handed over go back to the reps) and re-enable */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        url?: string;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionProvider"];
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such action provider in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/action-providers/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret (returned once); the previous one stops signing at once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Replays the first answer of the same request by the same API key for 24 h (1 to 255 visible ASCII characters) */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Rotated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActionProvider"] & {
                            /** @description whsec_...: shown once; verifies the webhook-signature of every action */
                            secret: string;
                        };
                    };
                };
                /** @description Malformed request: a path parameter, the Idempotency-Key header */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops, integration) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No such action provider in this workspace */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A request with this Idempotency-Key is still running */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description This Idempotency-Key was used with another request */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/unsubscribe/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The confirmation page of an unsubscribe link (changes nothing: its button posts the one-click form) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed token of the List-Unsubscribe link */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The page with the unsubscribe button */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": string;
                    };
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a valid link */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "text/html": string;
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * RFC 8058 one-click unsubscribe: the prospect is opted out, suppressed and every cadence stopped (idempotent)
         * @description Body `List-Unsubscribe=One-Click` (form-encoded) or empty. Answers HTML to a browser, else JSON.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed token of the List-Unsubscribe link */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @enum {string} */
                        "List-Unsubscribe"?: "One-Click";
                    };
                };
            };
            responses: {
                /** @description Unsubscribed (also when already so) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            unsubscribed: true;
                        };
                        "text/html": string;
                    };
                };
                /** @description Malformed request: a path parameter, a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a valid link */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "text/html": string;
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/x-www-form-urlencoded */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Recorded, but the cadences could not be reached yet: post again; or: The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                        "text/html": string;
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clicks/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tracked link of an email: records the click on the timeline and redirects to the signed target */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The signed token of a tracked link */
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description To the link of the email */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Malformed request: a path parameter */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not a valid link */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/click-tracking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the links of emails are tracked (off by default) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The setting */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClickTracking"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Turn click tracking on or off for the workspace
         * @description Emails already staged keep their links as they are; reports count clicks only while tracking is on. There is never an open pixel (docs/reports.md).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClickTracking"];
                };
            };
            responses: {
                /** @description Updated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClickTracking"];
                    };
                };
                /** @description Malformed request: a body that is not JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No API key, or an unknown or revoked one */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The key's role may not do this (allowed: admin, ops) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than the API accepts */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid body; or: No body, or a body that does not match the schema; `errors` names each field */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many requests for this API key; see Retry-After */
                429: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The database or Temporal is unavailable; see Retry-After */
                503: {
                    headers: {
                        /** @description Seconds to wait before sending the same request again */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ProspectImport: {
            /** @description 1 to 10000 rows with the fields email, firstName, lastName, title, phone, country, region, timeZone, company, companyDomain */
            prospects: {
                [key: string]: unknown;
            }[];
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            checks: {
                database: {
                    ok: boolean;
                    latencyMs: number;
                    error?: string;
                };
                temporal: {
                    ok: boolean;
                    latencyMs: number;
                    error?: string;
                };
            };
        };
        Problem: {
            /** @example /problems/validation-failed */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
        WorkspaceCreated: components["schemas"]["Workspace"] & {
            /** @description The first admin key: shown once, stored hashed. */
            apiKey: {
                /** Format: uuid */
                id: string;
                key: string;
                prefix: string;
                /** @enum {string} */
                role: "admin";
            };
        };
        Workspace: {
            /** Format: uuid */
            id: string;
            name: string;
            timeZone: string;
            timingRules: {
                [key: string]: unknown;
            };
            escalationPolicy: {
                [key: string]: unknown;
            };
            handoffPolicy: {
                [key: string]: unknown;
            };
        };
        ApiKeyCreated: components["schemas"]["ApiKey"] & {
            /** @description The key itself: shown this once, stored hashed */
            key: string;
        };
        ApiKey: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            role: "admin" | "ops" | "rep" | "integration";
            /** Format: uuid */
            userId: string | null;
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            revokedAt: string | null;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            name: string;
            /** @enum {string} */
            role: "rep" | "manager" | "ops" | "admin";
            timeZone: string | null;
            /** @description Whose public holidays are the person's days away; null: their zone's country */
            country: string | null;
            region: string | null;
            phone: string | null;
            callsPerHour: number;
            callBlocks: {
                days?: number[];
                start: string;
                end: string;
            }[];
            /** @description null: the default, Monday to Friday 09:00-18:00 in their zone */
            workingHours: {
                days?: number[];
                start: string;
                end: string;
            } | null;
            /** Format: uuid */
            managerId: string | null;
            /** @description Holds the meetings SDRs book (handoffs) */
            fieldRep: boolean;
            /** @description When an admin deactivated the person; null: active */
            deactivatedAt: string | null;
            createdAt: string;
        };
        HandOver: {
            /** @description Cadences not over (pending, running, paused) now on the new rep */
            cadencesMoved: number;
            /** @description Open and upcoming tasks moved to the new rep's queue */
            tasksMoved: number;
            /** @description Announced calls and callbacks still ahead, now on the new rep's capacity */
            callSlotsMoved: number;
            /** @description Promised calls at a time the new rep already has one: their tasks moved, their slot stays to settle */
            callSlotClashes: number;
            cadencesNotified: number;
            /** @description Cadences Temporal could not reach now: they read their new rep at their next step */
            cadencesNotReached: number;
        };
        RepAbsenceWritten: {
            absence: components["schemas"]["RepAbsence"];
            effects: components["schemas"]["RepAbsenceEffects"];
        };
        RepAbsence: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            startsOn: string;
            endsOn: string;
            /** Format: uuid */
            coveringUserId: string | null;
            note: string | null;
            createdAt: string;
        };
        RepAbsenceEffects: {
            /** @description Open and upcoming tasks in the time off handed to the covering rep */
            tasksToCover: number;
            /** @description Announced calls moved onto the covering rep's capacity */
            callSlotsToCover: number;
            /** @description Announced calls and callbacks already promised in the time off that nobody covers: reassign them, or keep them */
            promisesAtRisk: {
                /** Format: uuid */
                taskId: string;
                /** Format: uuid */
                enrollmentId: string | null;
                kind: string;
                dueAt: string;
                prospectTimeZone: string | null;
                reason: string;
            }[];
            /** @description Running cadences of the rep told to plan their waiting step again */
            cadencesNotified: number;
            /** @description Cadences Temporal did not reach now: they read the time off when they plan their next step */
            cadencesNotReached: number;
        };
        Session: {
            /** @description The person signed in (null for an API key that acts as no one) */
            user: {
                /** Format: uuid */
                id: string;
                name: string;
                email: string;
                /** @enum {string} */
                role: "rep" | "manager" | "ops" | "admin";
                /** Format: uuid */
                managerId: string | null;
                timeZone: string | null;
            } | null;
            workspace: {
                /** Format: uuid */
                id: string;
                name: string;
                timeZone: string;
            };
            /**
             * @description The API role the caller acts with: a manager acts as a rep who also sees the reps reporting to them
             * @enum {string}
             */
            role: "admin" | "ops" | "rep" | "integration";
            /** @description Send it as X-CSRF-Token on every request that changes something (null for an API key) */
            csrfToken: string | null;
        };
        SignInLink: {
            /** @description Shown once: give it to the person (also when it was emailed, to copy) */
            url: string;
            expiresAt: string;
            email: components["schemas"]["SignInLinkEmail"];
        };
        /** @description What became of the email when `send` was asked; null otherwise */
        SignInLinkEmail: {
            /** @description true: the mail server (or the local outbox) accepted it */
            sent: boolean;
            to: string;
            /** @description The mailbox it left from (null: the local outbox, or not sent) */
            mailbox: {
                /** Format: uuid */
                id: string;
                address: string;
            } | null;
            /** @description smtp, gmail or local-outbox; null when no sending path was found */
            provider: string | null;
            /** @description Why it was not sent: copy the link instead */
            reason: string | null;
        } | null;
        SignInLinkRequest: {
            /**
             * @description Email the link to the person through the workspace's mail path: `mailboxId`, else the caller's connected mailbox (default first), else the local outbox when the deployment keeps one. A transactional message, not a cadence touch: no pacing, no mailbox caps, no prospect suppression list. Default false: the link is only shown
             * @default false
             */
            send: boolean;
            /**
             * Format: uuid
             * @description A connected mailbox of this workspace to send from: the caller's own, or anyone's for an admin
             */
            mailboxId?: string;
        };
        SsoSettings: {
            issuer: string;
            clientId: string;
            /** @description Register it with the provider as the client's redirect URI */
            redirectUri: string;
        };
        Account: {
            /** Format: uuid */
            id: string;
            name: string;
            domain: string | null;
            country: string | null;
            region: string | null;
            createdAt: string;
        };
        ProspectImportResult: {
            created: number;
            updated: number;
            /** @description Duplicates within the request, and existing prospects the row did not change */
            skipped: number;
            errors: {
                row: number;
                field: string;
                message: string;
            }[];
        };
        Prospect: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            accountId: string | null;
            email: string | null;
            firstName: string | null;
            lastName: string | null;
            title: string | null;
            phone: string | null;
            linkedinUrl: string | null;
            country: string | null;
            region: string | null;
            /** @description Explicit, or derived from country and region; null when unknown */
            timeZone: string | null;
            timeZoneExplicit: boolean;
            /** @enum {string} */
            status: "active" | "opted_out" | "invalid_email";
            createdAt: string;
        };
        SuppressionAdded: components["schemas"]["Suppression"] & {
            /** @description Unfinished cadences of the prospects it covers, stopped now (reason "suppressed") */
            enrollmentsStopped: number;
        };
        Suppression: {
            /** Format: uuid */
            id: string;
            value: string;
            /** @enum {string} */
            kind: "email" | "domain";
            reason: string;
            createdAt: string;
        };
        SequenceVersion: {
            /** Format: uuid */
            sequenceId: string;
            key: string;
            name: string;
            status: string;
            version: number;
            /** @description null for the draft */
            publishedAt: string | null;
            definition: components["schemas"]["SequenceDefinition"];
        };
        /** @description A sequence definition (schemaVersion 1): key, name, optional timing overrides, steps with timing rules, templates and outcome mappings. */
        SequenceDefinition: {
            [key: string]: unknown;
        };
        SequenceDetail: {
            /** Format: uuid */
            sequenceId: string;
            key: string;
            name: string;
            status: string;
            createdAt: string;
            versions: {
                version: number;
                draft: boolean;
                publishedAt: string | null;
                createdAt: string;
                definition: components["schemas"]["SequenceDefinition"];
            }[];
        };
        SequencePreview: {
            /** Format: uuid */
            sequenceId: string;
            /** @description The version previewed; null for a definition sent in the body */
            version: number | null;
            /** @description The prospect's zone; null without a prospect */
            timeZone: string | null;
            steps: {
                stepId: string;
                type: string;
                /** @description The business day of the cadence the step nominally falls on (1: the first) */
                day: number;
                /** @description The timing in words, e.g. "day 2 at 08:00 in the prospect's zone" */
                when: string;
                /** @description The step in words, e.g. "email announcing the 09:15 call" */
                what: string;
                /** @description When the step would fall due if the prospect were enrolled now, along the expected path (calls unanswered); null off that path or without a prospect */
                plannedAt: string | null;
                /** @description plannedAt in the prospect's zone, e.g. "Tue 8 Dec 08:00" */
                localTime: string | null;
                subject: string | null;
                /** @description The template rendered as sent (email, note) or shown to the rep (call script); null for an A/B step (see variants) */
                body: string | null;
                /** @description An A/B email step's variants, each rendered for the prospect (which one they get is drawn at enrollment); null for a step with one template */
                variants: {
                    key: string;
                    weight: number;
                    /** @description Its weight over the step's total: the share of prospects that get it (0-1) */
                    share: number;
                    subject: string | null;
                    body: string | null;
                }[] | null;
            }[];
        };
        SequenceDiff: {
            from: number;
            to: number;
            /** @description Changes to the sequence itself (name, description, timing overrides...) */
            sequence: {
                field: string;
                before?: unknown;
                after?: unknown;
            }[];
            /** @description Ids of the steps only `to` has */
            added: string[];
            /** @description Ids of the steps only `from` has */
            removed: string[];
            /** @description Steps both have, field by field (dotted from the step) */
            changed: {
                stepId: string;
                changes: {
                    field: string;
                    before?: unknown;
                    after?: unknown;
                }[];
            }[];
            reordered: {
                before: string[];
                after: string[];
            } | null;
        };
        SequenceVersionEnrollments: {
            /** Format: uuid */
            sequenceId: string;
            versions: {
                version: number;
                total: number;
                byStatus: {
                    pending: number;
                    active: number;
                    paused: number;
                    completed: number;
                    stopped: number;
                };
            }[];
        };
        Enrollment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            workspaceId: string;
            /** Format: uuid */
            prospectId: string;
            /** Format: uuid */
            sequenceId: string;
            sequenceVersion: number;
            /** Format: uuid */
            repId: string;
            workflowId: string;
            status: string;
            /** @description Why the cadence stopped or completed; null while it runs or is paused */
            stopReason: string | null;
            /** @description Why the cadence is paused (null when it is not) */
            pauseReason: string | null;
            /** @description When the pause ends by itself; null when paused until resumed, or not paused */
            pausedUntil: string | null;
            currentStepId: string | null;
            context: string | null;
            pretext: string | null;
            createdAt: string;
            live?: {
                phase: string;
                dueAt: string | null;
                announcedCallAt: string | null;
                pausedUntil: string | null;
                currentTask: {
                    taskId: string;
                    stepId: string;
                    dueAt: string;
                    allowedOutcomes: string[];
                } | null;
                upcoming: components["schemas"]["UpcomingStep"][];
                history: {
                    at: string;
                    type: string;
                    stepId?: string;
                    detail?: string;
                }[];
            } | null;
        };
        UpcomingStep: {
            stepId: string;
            type: string;
            /** @description When the step is due, after any pause and reschedule; null while the cadence is paused until resumed (no time can be given) */
            dueAt: string | null;
        };
        EnrollmentCreate: {
            /** Format: uuid */
            prospectId: string;
            /** Format: uuid */
            sequenceId: string;
            /** Format: uuid */
            repId: string;
            /** @example your Series B announced on Monday */
            context?: string;
            /** @example We helped Acme cut ramp-up time by 30%. */
            pretext?: string;
            /** Format: date-time */
            startAt?: string;
            /**
             * Format: uuid
             * @description The rep's mailbox the emails leave from (one of the enrolling rep's); by default the rep's default mailbox
             */
            mailboxId?: string;
        };
        TimelineEvent: {
            id: number;
            type: string;
            payload: {
                [key: string]: unknown;
            };
            occurredAt: string;
        };
        RescheduledEnrollment: components["schemas"]["Enrollment"] & {
            reschedule: components["schemas"]["Rescheduled"];
        };
        Rescheduled: {
            stepId: string;
            /** @description The time asked for */
            requestedAt: string;
            /** @description When the step is now due: the requested time, or the next one the rules allow */
            effectiveAt: string;
            /** @description Whether the rules moved the requested time */
            moved: boolean;
            /** @description Why it moved, in the order the rules moved it (empty when it did not) */
            because: {
                /** @enum {string} */
                rule: "weekend" | "public_holiday" | "closed_date" | "outside_window" | "min_gap" | "weekly_cap";
                detail: string;
            }[];
            timingRulesIgnored: boolean;
        };
        RescheduleRequest: {
            /**
             * Format: date-time
             * @description The time asked for (an instant with its offset, in the future)
             * @example 2026-12-14T09:00:00+01:00
             */
            at: string;
            reason: string;
            /** @description true: the step is due exactly at `at`, even on a weekend, a public holiday or outside the step's window (an email still respects its mailbox's caps, and the call it announces still follows the rules). Default false: `at` is moved to the next time the timing rules allow. */
            ignoreTimingRules?: boolean;
        };
        Task: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            enrollmentId: string | null;
            /** Format: uuid */
            repId: string;
            stepKey: string;
            kind: string;
            title: string;
            dueAt: string;
            overdue: boolean;
            /**
             * @description Why an open task is where it is in the rep's queue: an inbound lead's expected callback due now, an announced call due now (within 10 minutes), then the rest by due time, due (overdue or due now) before upcoming. Null once closed.
             * @enum {string|null}
             */
            priority: "expected_callback" | "announced_call" | "due" | "upcoming" | null;
            status: string;
            prep: {
                [key: string]: unknown;
            };
            outcome: {
                [key: string]: unknown;
            } | null;
            completedAt: string | null;
        };
        TaskOutcome: {
            /** @enum {string} */
            outcome: "connected" | "gatekeeper" | "no_answer" | "voicemail_left" | "wrong_number" | "not_interested" | "meeting_booked" | "blocker" | "done";
            note?: string;
            objections?: string[];
            /** Format: date-time */
            callbackAt?: string;
            assistantName?: string;
            /** @enum {string} */
            blockerKind?: "champion_lacks_authority" | "no_consensus" | "urgency_not_perceived" | "budget" | "technical" | "offer_weakness";
            meeting?: {
                /** Format: uuid */
                fieldRepId?: string;
                /** Format: date-time */
                startsAt?: string;
                location?: string;
                /** Format: uri */
                recordingUrl?: string;
            };
        };
        Handoff: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            prospectId: string;
            /** Format: uuid */
            enrollmentId: string | null;
            /**
             * Format: uuid
             * @description The call task whose outcome booked the meeting
             */
            sourceTaskId: string | null;
            /**
             * Format: uuid
             * @description Who set the meeting (the SDR)
             */
            setterId: string;
            /** @description The SDR's name, so a field rep who may not list users still sees who set it */
            setterName: string | null;
            /**
             * Format: uuid
             * @description Who holds it; null until assigned
             */
            fieldRepId: string | null;
            fieldRepName: string | null;
            meetingAt: string | null;
            location: string | null;
            /** @description The booking call's notes */
            notes: string | null;
            recordingUrl: string | null;
            context: string | null;
            pretext: string | null;
            /**
             * @description to_schedule (no time or field rep yet), scheduled, awaiting_outcome (the field rep was asked), or the outcome
             * @enum {string}
             */
            status: "to_schedule" | "scheduled" | "awaiting_outcome" | "held" | "no_show" | "cancelled_by_prospect" | "cancelled_by_us" | "disqualified";
            reschedules: number;
            outcomeNote: string | null;
            /** Format: uuid */
            outcomeById: string | null;
            outcomeAt: string | null;
            outcomeRequestedAt: string | null;
            remindedAt: string | null;
            managerAlertedAt: string | null;
            createdAt: string;
        };
        MeetingOutcome: {
            /** @enum {string} */
            outcome: "held" | "no_show" | "rescheduled" | "cancelled_by_prospect" | "cancelled_by_us" | "disqualified";
            note?: string;
            /**
             * Format: date-time
             * @description With rescheduled: the new time (without it the handoff waits for one)
             */
            meetingAt?: string;
        };
        MeetingReschedule: {
            /** Format: date-time */
            meetingAt: string;
            reason: string;
            location?: string;
            /**
             * Format: uuid
             * @description Hand the meeting to this field rep
             */
            fieldRepId?: string;
        };
        ActivityReport: {
            from: string;
            to: string;
            now: string;
            reps: {
                /** @description Tasks due in the period (not counting announced calls still upcoming) */
                tasksDue: number;
                /** @description Of those, done at most 60 minutes after their due time */
                doneOnTime: number;
                /** @description Of those, done later */
                doneLate: number;
                /** @description Of those, still open and past due */
                overdue: number;
                /** @description Of those, cancelled (the step skipped or the cadence over) */
                skipped: number;
                /** @description Of those, missed (an announced call not logged in its grace window) */
                missed: number;
                /** @description Calls, callbacks and escalation calls logged in the period */
                callsMade: number;
                /** @description Announced calls due in the period and made at the announced time */
                announcedKept: number;
                /** @description Announced calls due in the period and not made: a broken promise */
                announcedBroken: number;
                /** @description Meetings booked in the period (as the SDR) */
                meetingsSet: number;
                /** @description Meetings handed to them (as field rep) taking place in the period */
                meetingsReceived: number;
                /** @description Of those, held */
                meetingsHeld: number;
                /** @description Of those, a no-show or cancelled by either side */
                meetingsNotHeld: number;
                /** @description Escalations allowed within the quota's window, up to now */
                escalationsUsed: number;
                /** @description Open tasks past due now, whatever the period */
                overdueNow: number;
                /** @description Held over held and not held (0 to 1); null before any outcome */
                heldRate: number | null;
                /** Format: uuid */
                id: string;
                name: string;
                role: string;
                fieldRep: boolean;
                /** Format: uuid */
                managerId: string | null;
                /** @description Escalations a rep may use within the window (the escalation policy) */
                escalationQuota: number;
                /** @description Due time of the oldest open task past due now */
                oldestOverdueAt: string | null;
            }[];
            team: {
                /** @description Tasks due in the period (not counting announced calls still upcoming) */
                tasksDue: number;
                /** @description Of those, done at most 60 minutes after their due time */
                doneOnTime: number;
                /** @description Of those, done later */
                doneLate: number;
                /** @description Of those, still open and past due */
                overdue: number;
                /** @description Of those, cancelled (the step skipped or the cadence over) */
                skipped: number;
                /** @description Of those, missed (an announced call not logged in its grace window) */
                missed: number;
                /** @description Calls, callbacks and escalation calls logged in the period */
                callsMade: number;
                /** @description Announced calls due in the period and made at the announced time */
                announcedKept: number;
                /** @description Announced calls due in the period and not made: a broken promise */
                announcedBroken: number;
                /** @description Meetings booked in the period (as the SDR) */
                meetingsSet: number;
                /** @description Meetings handed to them (as field rep) taking place in the period */
                meetingsReceived: number;
                /** @description Of those, held */
                meetingsHeld: number;
                /** @description Of those, a no-show or cancelled by either side */
                meetingsNotHeld: number;
                /** @description Escalations allowed within the quota's window, up to now */
                escalationsUsed: number;
                /** @description Open tasks past due now, whatever the period */
                overdueNow: number;
                /** @description Held over held and not held (0 to 1); null before any outcome */
                heldRate: number | null;
            };
        };
        ActivityFigureRow: {
            /** @enum {string} */
            source: "task" | "handoff" | "escalation";
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            repId: string;
            /** @description The time the figure is read at: due, completed, booked, meeting or decision time */
            at: string;
            status: string;
            kind: string;
            title: string | null;
            /** Format: uuid */
            prospectId: string | null;
            /** @description The prospect's name (else their email) */
            prospectName: string | null;
            /** @description The zone the cadence uses for them: their local time shows beside them */
            prospectTimeZone: string | null;
            /** Format: uuid */
            enrollmentId: string | null;
        };
        ObjectionsReport: {
            from: string;
            to: string;
            total: number;
            objections: components["schemas"]["ObjectionSummary"][];
        };
        ObjectionSummary: {
            /** @description The text before a colon when the rep tagged it ("price: over budget" → price), else the whole text, lower-cased */
            tag: string;
            count: number;
            /** @description Of all objections heard in the period (0 to 1) */
            share: number;
            /** @description Up to three of the texts heard */
            examples: string[];
            lastHeardAt: string;
            bySequence: {
                /** Format: uuid */
                sequenceId: string | null;
                count: number;
            }[];
            byStep: {
                stepId: string | null;
                count: number;
            }[];
            byRep: {
                /** Format: uuid */
                repId: string | null;
                count: number;
            }[];
            weekly: {
                /** @description Monday of the week (UTC), YYYY-MM-DD */
                weekStart: string;
                count: number;
            }[];
        };
        ObjectionCall: {
            id: number;
            heardAt: string;
            tag: string;
            text: string;
            /**
             * Format: uuid
             * @description The call task where it was heard
             */
            taskId: string;
            /** Format: uuid */
            enrollmentId: string | null;
            /** Format: uuid */
            prospectId: string | null;
            /** @description The prospect's name (else their email) */
            prospectName: string | null;
            /** @description The zone the cadence uses for them: their local time shows beside them */
            prospectTimeZone: string | null;
            /** Format: uuid */
            repId: string;
            /** Format: uuid */
            sequenceId: string | null;
            stepId: string;
        };
        SequencesReport: {
            from: string;
            to: string;
            sequences: components["schemas"]["SequenceTotals"][];
        };
        SequenceTotals: {
            /** Format: uuid */
            sequenceId: string;
            key: string;
            name: string;
            /** @description Enrollments whose first touch happened in the period */
            enrollments: number;
            /** @description Replies a person wrote (the inbound classifier's "reply"; automatic mail never counts): enrollments, whatever the step */
            replied: number;
            /** @description Replies a person wrote from a prospect who then neither opted out nor was logged "not interested" (a "remove me" reply is no positive reply): enrollments, whatever the step */
            positiveReplies: number;
            /** @description A negative answer: "not interested" logged by the rep on this step: enrollments, whatever the step */
            notInterested: number;
            /** @description Out-of-office auto-replies: enrollments, whatever the step */
            outOfOffice: number;
            /** @description Opt-outs by the unsubscribe link or a spam complaint: enrollments, whatever the step */
            unsubscribed: number;
            /** @description Every opt-out, whatever the way (unsubscribe, complaint, the API, a CRM): enrollments, whatever the step */
            optedOut: number;
            /** @description Hard bounces: enrollments, whatever the step */
            bounced: number;
            /** @description Meetings booked: enrollments, whatever the step */
            meetings: number;
            /** @description Announced calls not made in time: enrollments, whatever the step */
            brokenAnnouncements: number;
            /** @description Prospects who clicked a link of the step's email; counted only while the workspace tracks clicks (off by default): enrollments, whatever the step */
            clicked: number;
        };
        SequenceReport: {
            /** Format: uuid */
            sequenceId: string;
            key: string;
            name: string;
            from: string;
            to: string;
            versions: {
                version: number;
                /** @description Enrollments whose first touch happened in the period */
                enrollments: number;
                steps: components["schemas"]["SequenceStepFigures"][];
            }[];
        };
        SequenceStepFigures: {
            stepId: string;
            type: string | null;
            /** @description Prospects whose step's touch happened: its email or action sent, or its task done */
            reached: number;
            /** @description Replies a person wrote (the inbound classifier's "reply"; automatic mail never counts) */
            replied: number;
            /** @description Replies a person wrote from a prospect who then neither opted out nor was logged "not interested" (a "remove me" reply is no positive reply) */
            positiveReplies: number;
            /** @description A negative answer: "not interested" logged by the rep on this step */
            notInterested: number;
            /** @description Out-of-office auto-replies */
            outOfOffice: number;
            /** @description Opt-outs by the unsubscribe link or a spam complaint */
            unsubscribed: number;
            /** @description Every opt-out, whatever the way (unsubscribe, complaint, the API, a CRM) */
            optedOut: number;
            /** @description Hard bounces */
            bounced: number;
            /** @description Meetings booked */
            meetings: number;
            /** @description Announced calls not made in time */
            brokenAnnouncements: number;
            /** @description Of those reached, how many reached the next step of the definition */
            continued: number;
            /** @description Prospects who clicked a link of the step's email; counted only while the workspace tracks clicks (off by default) */
            clicked: number;
            nextStepId: string | null;
            /** @description continued over reached (0 to 1); null for the last step or a step nobody reached */
            conversionToNext: number | null;
        };
        SequenceVariantsReport: {
            /** Format: uuid */
            sequenceId: string;
            key: string;
            name: string;
            from: string;
            to: string;
            minSample: number;
            steps: {
                version: number;
                stepId: string;
                /** @description The winning variant, or null */
                winner: string | null;
                /** @enum {string|null} */
                decidedOn: "meetings" | "positive_replies" | null;
                /**
                 * @description Why there is a winner or not yet
                 * @enum {string}
                 */
                reason: "decided" | "below_minimum_sample" | "no_clear_difference" | "single_variant";
                variants: components["schemas"]["SequenceVariantFigures"][];
            }[];
        };
        SequenceVariantFigures: {
            variant: string;
            /** @description The sample: prospects this variant's email reached */
            reached: number;
            /** @description Replies a person wrote (the inbound classifier's "reply"; automatic mail never counts) */
            replied: number;
            /** @description Replies a person wrote from a prospect who then neither opted out nor was logged "not interested" (a "remove me" reply is no positive reply) */
            positiveReplies: number;
            /** @description A negative answer: "not interested" logged by the rep on this step */
            notInterested: number;
            /** @description Out-of-office auto-replies */
            outOfOffice: number;
            /** @description Opt-outs by the unsubscribe link or a spam complaint */
            unsubscribed: number;
            /** @description Every opt-out, whatever the way (unsubscribe, complaint, the API, a CRM) */
            optedOut: number;
            /** @description Hard bounces */
            bounced: number;
            /** @description Meetings booked */
            meetings: number;
            /** @description Prospects who clicked a link of this variant's email; counted only while the workspace tracks clicks */
            clicked: number;
            meetingRate: components["schemas"]["RateInterval"];
            positiveReplyRate: components["schemas"]["RateInterval"];
        };
        /** @description A proportion of the sample with its 95% Wilson interval */
        RateInterval: {
            rate: number;
            low: number;
            high: number;
        };
        SequenceFigureRow: {
            /** @enum {string} */
            figure: "reached" | "replied" | "positiveReplies" | "notInterested" | "outOfOffice" | "unsubscribed" | "optedOut" | "bounced" | "meetings" | "brokenAnnouncements" | "continued" | "clicked";
            version: number;
            stepId: string;
            /** Format: uuid */
            enrollmentId: string;
            /** Format: uuid */
            prospectId: string;
            /** @description The prospect's name (else their email) */
            prospectName: string | null;
            /** @description The zone the cadence uses for them: their local time shows beside them */
            prospectTimeZone: string | null;
            /** Format: uuid */
            repId: string;
            /** @description When it happened (for continued: when the next step was reached) */
            at: string;
        };
        DeliverabilityPolicy: {
            /** @description What ops set */
            overrides: {
                [key: string]: unknown;
            };
            /** @description The overrides merged with the defaults (100, 3, 1): what pauses a mailbox */
            effective: {
                window: number;
                hardBouncesToPause: number;
                complaintsToPause: number;
            };
        };
        HolidayList: {
            country: string;
            region: string | null;
            year: number;
            holidays: {
                date: string;
                name: string;
                type: string;
                substitute: boolean;
            }[];
        };
        TimingCalendar: {
            country: string | null;
            region: string | null;
            timeZone: string;
            from: string;
            days: components["schemas"]["CalendarDay"][];
        };
        CalendarDay: {
            /**
             * @description A date in the place's zone
             * @example 2026-12-25
             */
            date: string;
            /** @description ISO weekday, 1 (Monday) to 7 (Sunday) */
            weekday: number;
            /** @description The holiday's name (of the rules' holiday types) in the place, else null */
            holiday: string | null;
            /** @description Why nothing goes out that day (workspace: one of its closed dates); empty when open */
            closedBecause: ("weekend" | "holiday" | "workspace")[];
            /** @description When emails and LinkedIn go out; null on a closed day */
            sendWindow: {
                /** @example 07:30 */
                start: string;
                /** @example 19:00 */
                end: string;
                label: string | null;
            } | null;
            callWindow: {
                /** @example 07:30 */
                start: string;
                /** @example 19:00 */
                end: string;
                label: string | null;
            } | null;
            /** @description When decision makers pick up themselves (gatekeeper gone) */
            bypassWindows: {
                /** @example 07:30 */
                start: string;
                /** @example 19:00 */
                end: string;
                label: string | null;
            }[];
            directWindows: {
                /** @example 07:30 */
                start: string;
                /** @example 19:00 */
                end: string;
                label: string | null;
            }[];
        };
        WebhookSubscription: {
            /** Format: uuid */
            id: string;
            url: string;
            description: string | null;
            eventTypes: string[];
            /** @enum {string} */
            status: "active" | "disabled";
            disabledReason: string | null;
            failingSince: string | null;
            secrets: {
                id: string;
                createdAt: string;
                expiresAt: string | null;
            }[];
            createdAt: string;
        };
        WebhookDelivery: {
            id: number;
            messageId: string;
            eventId: number;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
            attempts: number;
            lastStatusCode: number | null;
            lastError: string | null;
            deliveredAt: string | null;
            createdAt: string;
            attemptLog: {
                statusCode: number | null;
                error: string | null;
                durationMs: number;
                attemptedAt: string;
            }[];
        };
        /** @description reply stops, hard bounce stops and marks the address invalid, soft bounce is recorded, auto_reply pauses, opt_out stops everything for good. `message` and `raw` forward the email itself: Relance classifies it and finds the touch it answers (In-Reply-To, References, a bounce's returned Message-ID), else the prospect by address. */
        InboundEmail: {
            /** @enum {string} */
            type: "reply";
            /** Format: email */
            email: string;
            subject?: string;
            detail?: string;
        } | {
            /** @enum {string} */
            type: "bounce";
            /** Format: email */
            email: string;
            /**
             * @default hard
             * @enum {string}
             */
            bounceKind: "hard" | "soft";
            detail?: string;
        } | {
            /** @enum {string} */
            type: "auto_reply";
            /** Format: email */
            email: string;
            /** Format: date-time */
            returnAt?: string;
            subject?: string;
        } | {
            /** @enum {string} */
            type: "opt_out";
            /** Format: email */
            email: string;
        } | {
            /** @enum {string} */
            type: "message";
            /** @description An address, or "Name <address>" */
            from: string;
            to?: string | string[];
            subject?: string;
            /** @description The Message-ID of this email: the same email delivered twice is applied once */
            messageId?: string;
            inReplyTo?: string;
            /** @description Oldest first; a list or the header as sent */
            references?: string[] | string;
            /** @description Headers as sent (Auto-Submitted, Precedence, List-Id, X-Autoreply...); names in any case */
            headers?: {
                [key: string]: string;
            };
            /** @description The plain-text body (read for return dates and bounce reasons, never stored) */
            text?: string;
            /** @description For a bounce: the message/delivery-status part (RFC 3464) */
            deliveryStatus?: string;
            /** @description For a bounce: the returned message's headers (its Message-ID finds the touch) */
            returnedHeaders?: string;
        } | {
            /** @enum {string} */
            type: "raw";
            /** @description The whole RFC 822 message, base64 (at most 1 MB encoded) */
            mime: string;
        };
        /** @description Completes the open call task with the disposition as its outcome (voicemail.dropped: voicemail_left). */
        InboundTelephony: {
            /** @enum {string} */
            type: "call.completed";
            /** Format: uuid */
            taskId?: string;
            /**
             * Format: uuid
             * @description The actionId of the request Relance sent the provider (instead of taskId)
             */
            actionId?: string;
            /** Format: uuid */
            enrollmentId?: string;
            stepId?: string;
            /** @enum {string} */
            disposition: "connected" | "no_answer" | "voicemail_left" | "wrong_number" | "gatekeeper" | "not_interested" | "meeting_booked";
            /** Format: uri */
            recordingUrl?: string;
            durationSeconds?: number;
            note?: string;
        } | {
            /** @enum {string} */
            type: "voicemail.dropped";
            /** Format: uuid */
            taskId?: string;
            /**
             * Format: uuid
             * @description The actionId of the request Relance sent the provider (instead of taskId)
             */
            actionId?: string;
            /** Format: uri */
            recordingUrl?: string;
        };
        /** @description note.sent completes the LinkedIn task; invite.accepted is recorded (and completes it if still open); message.replied also stops the cadences. */
        InboundLinkedin: {
            /** @enum {string} */
            type: "note.sent" | "invite.accepted" | "message.replied";
            /**
             * Format: uuid
             * @description The actionId of the request Relance sent the automation
             */
            actionId?: string;
            /** Format: email */
            email?: string;
            /** Format: uri */
            linkedinUrl?: string;
            detail?: string;
        };
        /** @description opt_out stops everything for good; meeting_booked becomes a handoff (followed up with the field rep) and stops the cadences; stop stops them. */
        InboundCrm: {
            /** @enum {string} */
            type: "opt_out" | "meeting_booked" | "stop";
            /** Format: email */
            email: string;
            /** Format: date-time */
            meetingAt?: string;
            note?: string;
            /** @description meeting_booked: where it takes place */
            location?: string;
            /**
             * Format: email
             * @description meeting_booked: who set it (a member's email); else the rep of the prospect's latest enrollment
             */
            setterEmail?: string;
            /**
             * Format: email
             * @description meeting_booked: the field rep who holds it (a member marked field rep); else assigned later on the handoff
             */
            fieldRepEmail?: string;
        };
        /** @description Finds or creates the prospect and enrolls them in the "expected-callback" cadence: a call due within minutes. */
        InboundLead: {
            /** Format: email */
            email: string;
            firstName?: string;
            lastName?: string;
            phone?: string;
            company?: string;
            country?: string;
            timeZone?: string;
            /** @description What the lead asked about; becomes the enrollment context. */
            message?: string;
            /**
             * Format: email
             * @description The rep to assign; by default the workspace's first rep.
             */
            repEmail?: string;
        };
        InboundSourceSecret: components["schemas"]["InboundSource"] & {
            /** @description whsec_...: shown once, stored encrypted */
            secret: string;
        };
        InboundSource: {
            /** @enum {string} */
            source: "email" | "telephony" | "linkedin" | "crm" | "lead";
            /** @description Where the source POSTs, relative to the API */
            url: string;
            createdAt: string;
        };
        Mailbox: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            address: string;
            displayName: string | null;
            /** @enum {string} */
            provider: "smtp" | "gmail" | "microsoft";
            /**
             * @description paused: by itself, after 3 hard bounces among its last 100 emails (its emails wait; ops resume it)
             * @enum {string}
             */
            status: "connected" | "disconnected" | "paused" | "disabled";
            statusDetail: string | null;
            statusChangedAt: string | null;
            isDefault: boolean;
            smtp: {
                host: string;
                /** @default 587 */
                port: number;
                /** @default false */
                secure: boolean;
                /** @default false */
                requireTls: boolean;
                username: string;
                oauth2?: {
                    /** Format: uri */
                    tokenUrl: string;
                    clientId: string;
                    scope?: string;
                };
            } | null;
            /** @description SMTP mailboxes whose replies are read over IMAP; null: not read (post them to the email inbound webhook) */
            imap: {
                host: string;
                /** @default 993 */
                port: number;
                /** @default true */
                secure: boolean;
                /** @default false */
                requireTls: boolean;
                username: string;
                folders?: string[];
                oauth2?: {
                    /** Format: uri */
                    tokenUrl: string;
                    clientId: string;
                    scope?: string;
                };
                /** @description Its own password or OAuth2 grant; false: the SMTP one is used */
                hasOwnPassword: boolean;
                /**
                 * @description pending: not read yet; reading: read to the end at checkedAt; failing: see detail (retried with backoff)
                 * @enum {string}
                 */
                status: "pending" | "reading" | "failing";
                detail: string | null;
                /** @description When every watched folder was last read to the end */
                checkedAt: string | null;
            } | null;
            /** @description Credentials are never returned */
            hasCredentials: boolean;
            dailyCap: number;
            hourlyCap: number;
            minGapSeconds: number;
            domainDailyCap: number | null;
            calendarHolds: boolean;
            /** @description The warm-up ramp; null: none */
            warmup: {
                startCap: number;
                step: number;
                startedAt: string;
                /** @description The ramp day now, 1 on the first */
                day: number;
                /** @description When the ramp reaches `dailyCap` */
                fullCapFrom: string;
            } | null;
            /** @description The daily cap in force now: the ramp's while warming up, else `dailyCap` */
            effectiveDailyCap: number;
            /** @description SMTP mailboxes: emails are DKIM-signed with this selector (the private key is sealed, never returned); null: not signed by Relance */
            dkim: {
                selector: string;
                domain: string;
                /** @description Publish this TXT record so receivers can check the signatures */
                dnsRecord: {
                    name: string;
                    /** @enum {string} */
                    type: "TXT";
                    value: string;
                };
            } | null;
            dns: components["schemas"]["SendingDomainCheck"];
            createdAt: string;
            updatedAt: string;
        };
        /** @description The last check of the sending domain's SPF, DKIM and DMARC records (POST .../dns-check); null: not checked yet */
        SendingDomainCheck: {
            domain: string;
            checkedAt: string;
            spf: {
                /**
                 * @description unknown: the lookup failed (a DNS timeout); checked again with POST .../dns-check
                 * @enum {string}
                 */
                status: "found" | "missing" | "invalid" | "unknown";
                /** @description Where the record lives */
                name: string;
                record: string | null;
                /** @description What is wrong, in words; empty when nothing is */
                problems: string[];
            };
            dkim: {
                /**
                 * @description unknown: the lookup failed (a DNS timeout); checked again with POST .../dns-check
                 * @enum {string}
                 */
                status: "found" | "missing" | "invalid" | "unknown";
                /** @description Where the record lives */
                name: string;
                record: string | null;
                /** @description What is wrong, in words; empty when nothing is */
                problems: string[];
            };
            dmarc: {
                /**
                 * @description unknown: the lookup failed (a DNS timeout); checked again with POST .../dns-check
                 * @enum {string}
                 */
                status: "found" | "missing" | "invalid" | "unknown";
                /** @description Where the record lives */
                name: string;
                record: string | null;
                /** @description What is wrong, in words; empty when nothing is */
                problems: string[];
            };
        } | null;
        MailboxCreate: {
            /**
             * Format: uuid
             * @description The rep who owns it; a rep key may only name itself
             */
            userId: string;
            /** Format: email */
            address: string;
            displayName?: string;
            /** @description Send this user's sequences from it (the first mailbox is the default) */
            isDefault?: boolean;
            /** @description Gmail, Microsoft 365: hold announced calls on the Google or Outlook calendar (default true) */
            calendarHolds?: boolean;
            /** @description Emails per 24 hours (default 400) */
            dailyCap?: number;
            /** @description Emails per hour (default 100) */
            hourlyCap?: number;
            /** @description Least time between two sends (default 20) */
            minGapSeconds?: number;
            /** @description Emails per recipient domain per day (default none) */
            domainDailyCap?: number | null;
            warmup?: components["schemas"]["MailboxWarmupSettings"];
            /** @enum {string} */
            provider: "smtp";
            smtp: {
                host: string;
                /** @default 587 */
                port: number;
                /** @default false */
                secure: boolean;
                /** @default false */
                requireTls: boolean;
                username: string;
                oauth2?: components["schemas"]["MailboxOAuth2Grant"];
                password?: string;
            };
            imap?: components["schemas"]["MailboxImapSettings"];
        } | {
            /**
             * Format: uuid
             * @description The rep who owns it; a rep key may only name itself
             */
            userId: string;
            /** Format: email */
            address: string;
            displayName?: string;
            /** @description Send this user's sequences from it (the first mailbox is the default) */
            isDefault?: boolean;
            /** @description Gmail, Microsoft 365: hold announced calls on the Google or Outlook calendar (default true) */
            calendarHolds?: boolean;
            /** @description Emails per 24 hours (default 400) */
            dailyCap?: number;
            /** @description Emails per hour (default 100) */
            hourlyCap?: number;
            /** @description Least time between two sends (default 20) */
            minGapSeconds?: number;
            /** @description Emails per recipient domain per day (default none) */
            domainDailyCap?: number | null;
            warmup?: components["schemas"]["MailboxWarmupSettings"];
            /** @enum {string} */
            provider: "gmail";
            /** @default {} */
            gmail: {
                /** @description OAuth2 refresh token with the gmail.send, gmail.readonly and calendar.events scopes */
                refreshToken?: string;
            };
        } | {
            /**
             * Format: uuid
             * @description The rep who owns it; a rep key may only name itself
             */
            userId: string;
            /** Format: email */
            address: string;
            displayName?: string;
            /** @description Send this user's sequences from it (the first mailbox is the default) */
            isDefault?: boolean;
            /** @description Gmail, Microsoft 365: hold announced calls on the Google or Outlook calendar (default true) */
            calendarHolds?: boolean;
            /** @description Emails per 24 hours (default 400) */
            dailyCap?: number;
            /** @description Emails per hour (default 100) */
            hourlyCap?: number;
            /** @description Least time between two sends (default 20) */
            minGapSeconds?: number;
            /** @description Emails per recipient domain per day (default none) */
            domainDailyCap?: number | null;
            warmup?: components["schemas"]["MailboxWarmupSettings"];
            /** @enum {string} */
            provider: "microsoft";
            /** @default {} */
            microsoft: {
                /** @description OAuth2 refresh token of the Microsoft Entra app of MICROSOFT_CLIENT_ID, with the Mail.ReadWrite, Mail.Send, Calendars.ReadWrite and offline_access permissions */
                refreshToken?: string;
            };
        };
        /**
         * @description Warm-up ramp for a new address: the daily cap starts at `startCap` and grows by `step` every 24 hours up to `dailyCap`; emails past the day's cap wait, scheduled, for the next day. Off unless asked (a rep's everyday mailbox already has a sending history); null: stop ramping. Setting it on a mailbox without one starts the ramp now.
         * @example {
         *       "startCap": 20,
         *       "step": 20
         *     }
         */
        MailboxWarmupSettings: {
            /** @description The daily cap on the first day (below `dailyCap`) */
            startCap: number;
            /** @description What each further day adds, up to `dailyCap` */
            step: number;
        } | null;
        /**
         * @description Log in with XOAUTH2: an access token is obtained from `tokenUrl` with the refresh token (refresh_token grant, client secret posted), renewed a minute before it expires and once when the server refuses it. Give either this or a password.
         * @example {
         *       "tokenUrl": "https://oauth2.googleapis.com/token",
         *       "clientId": "1234.apps.googleusercontent.com",
         *       "clientSecret": "client-secret",
         *       "refreshToken": "1//refresh-token",
         *       "scope": "https://mail.google.com/"
         *     }
         */
        MailboxOAuth2Grant: {
            /**
             * Format: uri
             * @description The provider's token endpoint (https; plain http only on a host WEBHOOK_ALLOWED_HOSTS allows), vetted like a webhook URL
             */
            tokenUrl: string;
            clientId: string;
            scope?: string;
            /** @description Sealed, never returned */
            clientSecret: string;
            /** @description Sealed, never returned; refused by the provider (invalid_grant): the mailbox is disconnected with the reason */
            refreshToken: string;
        };
        /**
         * @description Replies, out-of-office answers and bounces are read over IMAP (IDLE on INBOX, every folder read again every 30 s) and stop or pause the cadence. `folders` absent: INBOX and the junk folder when the server has one.
         * @example {
         *       "host": "imap.acme.test",
         *       "port": 993,
         *       "secure": true,
         *       "username": "sam@acme.test",
         *       "password": "app-password"
         *     }
         */
        MailboxImapSettings: {
            host: string;
            /** @default 993 */
            port: number;
            /** @default true */
            secure: boolean;
            /** @default false */
            requireTls: boolean;
            username: string;
            folders?: string[];
            oauth2?: components["schemas"]["MailboxOAuth2Grant"];
            /** @description The IMAP password; absent (and no `oauth2`): the SMTP password or grant serves for IMAP too */
            password?: string;
        };
        MailboxWithFigures: components["schemas"]["Mailbox"] & {
            figures: {
                sentLastHour: number;
                /** @description Sent in the last 24 hours */
                sentToday: number;
                scheduled: number;
                held: number;
                uncertain: number;
            };
        };
        MailboxPatch: {
            displayName?: string | null;
            /**
             * @description Make it the user's default (make another one default to change it)
             * @enum {boolean}
             */
            isDefault?: true;
            calendarHolds?: boolean;
            /**
             * @description Ops: disable (its emails wait), re-enable, or resume a mailbox paused by itself after too many hard bounces
             * @enum {string}
             */
            status?: "connected" | "disabled";
            /** @description Emails per 24 hours (default 400) */
            dailyCap?: number;
            /** @description Emails per hour (default 100) */
            hourlyCap?: number;
            /** @description Least time between two sends (default 20) */
            minGapSeconds?: number;
            /** @description Emails per recipient domain per day (default none) */
            domainDailyCap?: number | null;
            warmup?: components["schemas"]["MailboxWarmupSettings"];
        };
        MailboxCredentials: {
            /** @description SMTP mailboxes (alone: back to a password login if it used OAuth2) */
            password?: string;
            /** @description SMTP mailboxes: new settings with the password, or with `oauth2` */
            smtp?: {
                host: string;
                /** @default 587 */
                port: number;
                /** @default false */
                secure: boolean;
                /** @default false */
                requireTls: boolean;
                username: string;
                oauth2?: components["schemas"]["MailboxOAuth2Grant"];
            };
            /** @description Gmail and Microsoft 365 mailboxes */
            refreshToken?: string;
            /**
             * @description SMTP mailboxes: read replies over IMAP with these settings (alone, or with a new SMTP password); null: stop reading them
             * @example {
             *       "host": "imap.acme.test",
             *       "port": 993,
             *       "secure": true,
             *       "username": "sam@acme.test",
             *       "password": "app-password"
             *     }
             */
            imap?: {
                host: string;
                /** @default 993 */
                port: number;
                /** @default true */
                secure: boolean;
                /** @default false */
                requireTls: boolean;
                username: string;
                folders?: string[];
                oauth2?: components["schemas"]["MailboxOAuth2Grant"];
                /** @description The IMAP password; absent (and no `oauth2`): the SMTP password or grant serves for IMAP too */
                password?: string;
            } | null;
        };
        /**
         * @example {
         *       "selector": "s1"
         *     }
         */
        MailboxDkimSettings: {
            /** @description The DKIM selector: the record lives at `<selector>._domainkey.<domain>` */
            selector: string;
            /** @description The private key (PEM, RSA of 1024 to 4096 bits or Ed25519), sealed at rest and never returned; absent: a 2048-bit RSA key is generated */
            privateKey?: string;
        };
        ActionProvider: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            channel: "linkedin" | "call" | "voicemail";
            /** @enum {string} */
            kind: "http";
            url: string;
            /** @enum {string} */
            status: "active" | "disabled";
            createdAt: string;
            updatedAt: string;
        };
        ClickTracking: {
            /** @description Rewrite the links of emails staged from now on through a signed redirect that records clicks */
            enabled: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
