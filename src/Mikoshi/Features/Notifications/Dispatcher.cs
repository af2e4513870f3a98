using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Mail;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Features.Notifications;

/// <summary>What one pass of the dispatcher did.</summary>
public sealed record DispatchPass(int Raised, int Expanded, int Notices, int Mails, int Digests, int ChannelDeliveries);

/// <summary>What one chunk (or one whole expansion) of an event wrote, and whether the event is now dispatched.</summary>
public sealed record ExpandedChunk(int Notices, int Deliveries, bool Done);

/// <summary>
/// Takes news from the outbox to people, off the request path (issue #17). One pass:
/// (1) sweeps proposals for the events time raises — closing in 24 h, passed or defeated, grace open — each under a
/// unique key per proposal × kind; (2) expands each new event into one notice per recipient (by their choices) and one
/// delivery per community channel; (3) mails the notices asked for at once; (4) sends the digests that are due, one per
/// person × period. Every step is a <see cref="Writer"/> write that re-reads what it claims under the writer's lock, so
/// any number of replicas may run passes at once and each thing happens once.
/// </summary>
public sealed class NotificationDispatcher(IServiceScopeFactory scopes, TimeProvider clock, MailQueue mail, IConfiguration configuration, ILogger<NotificationDispatcher> log)
{
    public const string Actor = "notifications";

    /// <summary>Recipients per expansion transaction unless <c>Mikoshi:Notifications:ExpandChunk</c> says otherwise.</summary>
    public const int DefaultChunk = 2000;

    private const int Batch = 50;

    public async Task<DispatchPass> StepAsync(CancellationToken cancellationToken = default)
    {
        var raised = await SweepProposalsAsync(cancellationToken);
        var (expanded, notices, deliveries) = await ExpandAsync(cancellationToken);
        var mails = await MailAtOnceAsync(cancellationToken);
        var digests = await DigestsAsync(cancellationToken);
        return new DispatchPass(raised, expanded, notices, mails, digests, deliveries);
    }

    private async Task<int> SweepProposalsAsync(CancellationToken cancellationToken)
    {
        List<Proposal> candidates;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var day = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();

            // Open within a day of closing, or closed within the last week: older ones were swept long ago.
            candidates = await db.Proposals.AsNoTracking()
                .Where(p => p.CancelledAtUnixMs == null && p.OpensAtUnixMs <= now && p.ClosesAtUnixMs - day <= now && p.ClosesAtUnixMs + (7 * day) > now)
                .OrderBy(p => p.ClosesAtUnixMs).Take(200).ToListAsync(cancellationToken);
        }

        var raised = 0;
        foreach (var proposal in candidates)
        {
            var kinds = proposal.ClosesAtUnixMs > now
                ? [EventCatalogue.ProposalClosingSoon]
                : new[] { EventCatalogue.ProposalPassed, EventCatalogue.ProposalDefeated, EventCatalogue.GracePeriodOpen };
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var keys = kinds.Select(k => OnceKey(proposal, k)).ToList();
            if (proposal.ClosesAtUnixMs > now ? await db.Events.AnyAsync(e => e.OnceKey == keys[0], cancellationToken)
                : await db.Events.AnyAsync(e => e.OnceKey == keys[0] || e.OnceKey == keys[1], cancellationToken))
            {
                continue;
            }

            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var written = await writer.RunAsync(proposal.CommunityId.Value, Actor, null, async write =>
            {
                var row = await write.Db.Proposals.AsNoTracking().SingleAsync(p => p.CommunityId == proposal.CommunityId && p.Number == proposal.Number);
                var payload = new { proposal = row.Number, title = row.Title, closesAt = Instant(row.ClosesAtUnixMs), graceEndsAt = Instant(row.GraceEndsAtUnixMs) };
                if (row.CancelledAtUnixMs is not null)
                {
                    return NotificationErrors.Cancelled;
                }

                if (row.ClosesAtUnixMs > write.At.ToUnixTimeMilliseconds())
                {
                    return await OnceAsync(write, row, EventCatalogue.ProposalClosingSoon, payload) ? 1 : 0;
                }

                var tally = await Proposals.TallyAsync(write.Db, row);
                var count = await OnceAsync(write, row, tally.Passed ? EventCatalogue.ProposalPassed : EventCatalogue.ProposalDefeated, payload) ? 1 : 0;
                if (tally.Passed && row.GraceEndsAtUnixMs > row.ClosesAtUnixMs && row.GraceEndsAtUnixMs > write.At.ToUnixTimeMilliseconds()
                    && await OnceAsync(write, row, EventCatalogue.GracePeriodOpen, payload))
                {
                    count++;
                }

                return Result<int>.Ok(count);
            }, cancellationToken);
            if (written.IsSuccess)
            {
                raised += written.Value.Value;
            }
        }

        return raised;
    }

    private static string OnceKey(Proposal proposal, string kind) => $"{proposal.CommunityId}:proposal:{proposal.Number}:{kind}";

    private static DateTimeOffset Instant(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    /// <summary>Raises a sweep's event unless it was raised already (the key is also unique in the store).</summary>
    private static async Task<bool> OnceAsync(WriteScope write, Proposal row, string kind, object payload)
    {
        var key = OnceKey(row, kind);
        if (await write.Db.Events.AnyAsync(e => e.OnceKey == key))
        {
            return false;
        }

        write.AnnounceToMembers(kind, payload, key);
        return true;
    }

    private async Task<(int Events, int Notices, int Deliveries)> ExpandAsync(CancellationToken cancellationToken)
    {
        List<long> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            waiting = await db.Events.AsNoTracking().Where(e => e.DispatchedAtUnixMs == null).OrderBy(e => e.Id).Take(Batch)
                .Select(e => e.Id).ToListAsync(cancellationToken);
        }

        var (events, notices, deliveries) = (0, 0, 0);
        foreach (var id in waiting)
        {
            var expanded = await ExpandEventAsync(id, cancellationToken);
            (notices, deliveries) = (notices + expanded.Notices, deliveries + expanded.Deliveries);
            events += expanded.Done ? 1 : 0;
        }

        return (events, notices, deliveries);
    }

    /// <summary>
    /// Expands one event to the end, chunk after chunk (<c>Mikoshi:Notifications:ExpandChunk</c> recipients each, default
    /// 2,000): each chunk is a transaction of its own that resumes after the event's cursor and moves it on, so a crash
    /// in the middle loses nothing and doubles nothing. Answers what this call wrote (another replica may have written the rest).
    /// </summary>
    public async Task<ExpandedChunk> ExpandEventAsync(long id, CancellationToken cancellationToken = default)
    {
        var chunk = Math.Max(1, configuration.GetValue("Mikoshi:Notifications:ExpandChunk", DefaultChunk));
        var (notices, deliveries) = (0, 0);
        while (true)
        {
            var step = await ExpandChunkAsync(id, chunk, cancellationToken);
            if (step is null)
            {
                return new ExpandedChunk(notices, deliveries, false);
            }

            (notices, deliveries) = (notices + step.Notices, deliveries + step.Deliveries);
            if (step.Done)
            {
                return new ExpandedChunk(notices, deliveries, true);
            }
        }
    }

    /// <summary>One chunk of an event's expansion in its own write; null when there was nothing to do (another dispatcher finished it).</summary>
    public async Task<ExpandedChunk?> ExpandChunkAsync(long id, int chunk, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<Writer>();

        // The lock is the event's own, not the community's: expanding touches no ledger, and the community's writers
        // (payments, votes) do not wait while 10^5 notices are written.
        var written = await writer.RunAsync(ExpansionLock(id), Actor, null, write => ExpandChunkAsync(write, id, chunk), cancellationToken);
        if (!written.IsSuccess)
        {
            if (written.Error.Code is not (NotificationErrors.Codes.AlreadyDispatched or WriteErrors.Codes.Conflict))
            {
                log.LogWarning("Expanding event {Event}: {Code}", id, written.Error.Code);
            }

            return null;
        }

        return written.Value.Value;
    }

    /// <summary>The writer lock of one event's expansion: replicas expanding the same event take turns, others do not wait.</summary>
    public static Guid ExpansionLock(long id) =>
        new(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(FormattableString.Invariant($"mikoshi:event-expansion:{id}")))[..16]);

    /// <summary>
    /// The next <paramref name="chunk"/> recipients of one event, after its cursor, in one transaction: one set-based
    /// INSERT … SELECT from the holders and their settings for community-wide news (the named people otherwise), each
    /// person's choice applied, (event, person) unique. The last chunk also writes the channel deliveries and marks the
    /// event dispatched. The event is re-read under the lock, so a chunk is written once whatever the number of replicas.
    /// </summary>
    public static async Task<Result<ExpandedChunk>> ExpandChunkAsync(WriteScope write, long id, int chunk)
    {
        var db = write.Db;
        var row = await db.Events.SingleAsync(e => e.Id == id);
        if (row.DispatchedAtUnixMs is not null)
        {
            return NotificationErrors.AlreadyDispatched;
        }

        var kind = EventCatalogue.Find(row.Kind).Value;
        List<PersonId> people;
        int notices;
        if (row.Recipients is { } listed)
        {
            // A few named people (an invitee, a team, the voters for): ordered as text, resumed after the cursor.
            var next = listed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Order(StringComparer.Ordinal)
                .Where(p => row.ExpandCursor is not { } after || string.CompareOrdinal(p, after) > 0).Take(chunk).ToList();
            people = next.Select(p => new PersonId(Guid.Parse(p))).ToList();
            notices = await InsertNamedAsync(db, row, kind, people);
            row.ExpandCursor = next.Count > 0 ? next[^1] : row.ExpandCursor;
        }
        else
        {
            var after = row.ExpandCursor is { } cursor ? Guid.Parse(cursor) : Guid.Empty;
            var community = row.CommunityId.Value;
            var owners = await ReadCache.QueryAsync(db, OwnersSql, command =>
                {
                    ReadCache.Parameter(db, command, "@community", community);
                    ReadCache.Parameter(db, command, "@after", after);
                    ReadCache.Parameter(db, command, "@chunk", chunk);
                },
                async reader =>
                {
                    var found = new List<Guid>();
                    while (await reader.ReadAsync())
                    {
                        found.Add(ReadCache.Id(db, reader, 0));
                    }

                    return found;
                });
            people = owners.Select(o => new PersonId(o)).ToList();
            notices = owners.Count == 0 ? 0 : await InsertHoldersAsync(db, row, kind, after, owners[^1]);
            row.ExpandCursor = owners.Count > 0 ? owners[^1].ToString() : row.ExpandCursor;
        }

        if (row.Kind == EventCatalogue.RevenueRecorded && people.Count > 0)
        {
            await WriteHolderPartsAsync(db, row, people);
        }

        var done = people.Count < chunk;
        var deliveries = 0;
        if (done && kind.Public)
        {
            var channels = await db.CommunityChannels.AsNoTracking().Where(c => c.CommunityId == row.CommunityId && c.Enabled).ToListAsync();
            foreach (var channel in channels.Where(c => CommunityChannels.Receives(c, row.Kind)))
            {
                db.ChannelDeliveries.Add(new ChannelDeliveryRow
                {
                    CommunityId = row.CommunityId,
                    ChannelNumber = channel.Number,
                    EventId = row.Id,
                    NextAttemptAtUnixMs = write.At.ToUnixTimeMilliseconds(),
                });
                deliveries++;
            }
        }

        if (done)
        {
            row.DispatchedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        }

        return new ExpandedChunk(notices, deliveries, done);
    }

    // The next holders after the cursor, in the store's order of ids (the same order on both stores, BinaryIds). Not EF's
    // SqlQuery: it binds a GUID parameter without the model's conversion, so on SQLite it would compare text with bytes
    // and find no one (ExecuteSql does convert, as InsertHoldersAsync relies on).
    private const string OwnersSql = """
        SELECT DISTINCT "OwnerId" FROM tokens
        WHERE "CommunityId" = @community AND "OwnerId" IS NOT NULL AND "BurnedAtUnixMs" IS NULL AND "OwnerId" > @after
        ORDER BY 1 LIMIT @chunk
        """;

    /// <summary>
    /// The holders in (<paramref name="after"/>, <paramref name="through"/>] as notices, in one statement: each holder's
    /// choice for the kind (the default without one), "off" left out, a digest's period and due instant filled in. The
    /// unique (event, person) key makes a repeated chunk a no-op rather than a second notice.
    /// </summary>
    private static Task<int> InsertHoldersAsync(MikoshiDb db, EventRow row, EventKind kind, Guid after, Guid through)
    {
        var (dailyPeriod, dailyDue) = EventCatalogue.DigestPeriod(Delivery.Daily, row.AtUnixMs);
        var (weeklyPeriod, weeklyDue) = EventCatalogue.DigestPeriod(Delivery.Weekly, row.AtUnixMs);
        var fallback = EventCatalogue.Name(kind.Default);
        var community = row.CommunityId.Value;
        var no = false;
        var (byMail, notByMail) = (NoticeMailState.Pending.Word(), NoticeMailState.None.Word());
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO notifications ("EventId", "PersonId", "CommunityId", "Kind", "PayloadJson", "AtUnixMs", "MailState", "DigestPeriod", "DigestDueUnixMs", "Digested")
            SELECT {row.Id}, o."OwnerId", {community}, {row.Kind}, {row.PayloadJson}, {row.AtUnixMs},
                CASE WHEN o.d = 'mail' THEN {byMail} ELSE {notByMail} END,
                CASE WHEN o.d = 'daily' THEN {dailyPeriod} WHEN o.d = 'weekly' THEN {weeklyPeriod} ELSE NULL END,
                CASE WHEN o.d = 'daily' THEN {dailyDue} WHEN o.d = 'weekly' THEN {weeklyDue} ELSE NULL END,
                {no}
            FROM (SELECT DISTINCT t."OwnerId", COALESCE(s."Delivery", {fallback}) AS d
                  FROM tokens t LEFT JOIN notification_settings s ON s."PersonId" = t."OwnerId" AND s."Kind" = {row.Kind}
                  WHERE t."CommunityId" = {community} AND t."OwnerId" IS NOT NULL AND t."BurnedAtUnixMs" IS NULL
                    AND t."OwnerId" > {after} AND t."OwnerId" <= {through}) o
            WHERE o.d <> 'off'
            ON CONFLICT ("EventId", "PersonId") DO NOTHING
            """);
    }

    /// <summary>The named people's notices, by their choices, in one read of the settings and one batch of inserts.</summary>
    private static async Task<int> InsertNamedAsync(MikoshiDb db, EventRow row, EventKind kind, List<PersonId> people)
    {
        var chosen = await db.NotificationSettings.AsNoTracking().Where(s => s.Kind == row.Kind && people.Contains(s.PersonId))
            .ToDictionaryAsync(s => s.PersonId, s => EventCatalogue.ParseDelivery(s.Delivery).Value);
        var notices = 0;
        var ownParts = OwnPartsOf(row.PayloadJson);
        foreach (var person in people)
        {
            var delivery = chosen.GetValueOrDefault(person, kind.Default);
            if (delivery == Delivery.Off)
            {
                continue;
            }

            var notice = new NotificationRow
            {
                EventId = row.Id,
                PersonId = person,
                CommunityId = row.CommunityId,
                Kind = row.Kind,
                PayloadJson = ownParts(person),
                AtUnixMs = row.AtUnixMs,
                MailState = delivery == Delivery.Mail ? NoticeMailState.Pending : NoticeMailState.None,
            };
            if (delivery is Delivery.Daily or Delivery.Weekly)
            {
                (notice.DigestPeriod, notice.DigestDueUnixMs) = EventCatalogue.DigestPeriod(delivery, row.AtUnixMs);
            }

            db.Notifications.Add(notice);
            notices++;
        }

        return notices;
    }

    /// <summary>
    /// An event addressed to a few people with each one's part (a payout batch's payees, a revenue's contributors) keeps,
    /// in each person's notice, that person's part only: the others' amounts are not theirs to read. The payload is read
    /// once per event, not once per person.
    /// </summary>
    private static Func<PersonId, string> OwnPartsOf(string payloadJson)
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(payloadJson)?.AsObject();
        if (payload?["parts"] is not System.Text.Json.Nodes.JsonObject parts)
        {
            return _ => payloadJson;
        }

        return person => WithOnlyPart(payload, person.ToString(), parts[person.ToString()]?.DeepClone());
    }

    /// <summary>The payload with <c>parts</c> holding only <paramref name="person"/>'s part, or none.</summary>
    private static string WithOnlyPart(System.Text.Json.Nodes.JsonObject payload, string person, System.Text.Json.Nodes.JsonNode? part)
    {
        var own = payload.DeepClone().AsObject();
        own["parts"] = part is null
            ? new System.Text.Json.Nodes.JsonObject()
            : new System.Text.Json.Nodes.JsonObject { [person] = part };
        return own.ToJsonString(Writer.Json);
    }

    /// <summary>
    /// "Revenue recorded" tells each holder their own part: the holders' share × their tokens ÷ the tokens it was shared
    /// among (rounded down, as the accumulator credits it up to its carried remainder), plus their contributor part if
    /// they have one. The notice keeps only its reader's part; other people's parts are not theirs to read.
    /// </summary>
    private static async Task WriteHolderPartsAsync(MikoshiDb db, EventRow row, List<PersonId> people)
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(row.PayloadJson)!.AsObject();
        var holders = Int128.Parse(payload["holders"]?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
        var supply = payload["holderSupply"]?.GetValue<long>() ?? 0;
        var contributors = payload["parts"]?.AsObject();
        var held = (await db.Tokens.AsNoTracking()
                .Where(t => t.CommunityId == row.CommunityId && t.OwnerId != null && t.BurnedAtUnixMs == null && people.Contains(t.OwnerId!.Value))
                .Select(t => t.OwnerId!.Value).ToListAsync())
            .CountBy(p => p).ToDictionary(p => p.Key, p => p.Value);
        var notices = await db.Notifications.Where(n => n.EventId == row.Id && people.Contains(n.PersonId)).ToListAsync();
        foreach (var notice in notices)
        {
            var person = notice.PersonId.ToString();
            var part = supply > 0 ? holders * held.GetValueOrDefault(notice.PersonId) / supply : Int128.Zero;
            if (contributors?[person] is { } contributed)
            {
                part += Int128.Parse(contributed.GetValue<string>(), CultureInfo.InvariantCulture);
            }

            notice.PayloadJson = WithOnlyPart(payload, person, part > Int128.Zero ? part.ToString(CultureInfo.InvariantCulture) : null);
        }
    }

    private async Task<int> MailAtOnceAsync(CancellationToken cancellationToken)
    {
        List<(long Id, PersonId Person)> waiting;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            waiting = (await db.Notifications.AsNoTracking().Where(n => n.MailState == NoticeMailState.Pending).OrderBy(n => n.Id).Take(Batch * 4)
                    .Select(n => new { n.Id, n.PersonId }).ToListAsync(cancellationToken))
                .Select(n => (n.Id, n.PersonId)).ToList();
        }

        var sent = 0;
        foreach (var (id, person) in waiting)
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var text = scope.ServiceProvider.GetRequiredService<MailText>();
            OutgoingMail? outgoing = null;
            var written = await writer.RunAsync(person.Value, Actor, null, async write =>
            {
                var notice = await write.Db.Notifications.SingleAsync(n => n.Id == id);
                if (notice.MailState != NoticeMailState.Pending)
                {
                    return NotificationErrors.AlreadyMailed;
                }

                notice.MailState = NoticeMailState.Sent;
                var to = await AddressAsync(write.Db, person);
                if (to is null)
                {
                    return Result<bool>.Ok(false);
                }

                var community = await write.Db.Communities.AsNoTracking().Where(c => c.Id == notice.CommunityId).Select(c => new { c.Name, c.Slug }).SingleAsync();
                var token = Inbox.NewUnsubscribeToken(write.Db, person, notice.Kind, write.At.ToUnixTimeMilliseconds(), notice.CommunityId);
                var languages = Languages(to.Value.Language);
                var subject = string.Join(" / ", languages.Select(l => string.Format(l, EventText.Text("Subject", l), community.Name, EventText.Text(notice.Kind, l))));
                var body = string.Join("\n\n---\n\n", languages.Select(l => Body(l, notice, person, community.Slug, text, token)));
                outgoing = new OutgoingMail(to.Value.Email, subject, body, UnsubscribeHeaders(text, token));
                return Result<bool>.Ok(true);
            }, cancellationToken);
            if (written.IsSuccess && outgoing is not null)
            {
                // Queued after the commit: a mail never tells of a notice the store does not have.
                mail.Enqueue(outgoing);
                sent++;
            }
        }

        return sent;
    }

    private static string Body(CultureInfo language, NotificationRow notice, PersonId person, string slug, MailText text, string token)
    {
        var body = new StringBuilder();
        body.AppendLine(EventText.Line(notice.Kind, notice.PayloadJson, language));
        if (EventText.YourPartLine(notice.PayloadJson, person.ToString(), language) is { } part)
        {
            body.AppendLine(part);
        }

        body.AppendLine();
        body.AppendLine(string.Format(language, EventText.Text("Open", language), text.Link($"/c/{slug}")));
        body.AppendLine();
        body.Append(string.Format(language, EventText.Text("Footer", language), text.Link("/notifications"), text.Link(Inbox.UnsubscribePage(token))));
        return body.ToString();
    }

    public static string UnsubscribePath(string token) => $"/api/v1/notifications/unsubscribe/{token}";

    /// <summary>RFC 8058: a one-click unsubscribe a mail client may POST to without opening a page.</summary>
    private static Dictionary<string, string> UnsubscribeHeaders(MailText text, string token) => new()
    {
        ["List-Unsubscribe"] = $"<{text.Link(UnsubscribePath(token))}>",
        ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
    };

    private static CultureInfo[] Languages(string? code) =>
        EventText.Language(code) is { } one ? [one] : [EventText.Japanese, EventText.English];

    private static async Task<(string Email, string? Language)?> AddressAsync(MikoshiDb db, PersonId person)
    {
        var email = await db.Users.AsNoTracking().Where(u => u.Id == person.Value && u.EmailConfirmed).Select(u => u.Email).FirstOrDefaultAsync()
            ?? await db.Users.AsNoTracking().Where(u => u.Id == person.Value).Select(u => u.Email).FirstOrDefaultAsync();
        if (email is null)
        {
            return null;
        }

        var language = await db.NotificationProfiles.AsNoTracking().Where(p => p.PersonId == person).Select(p => p.Language).FirstOrDefaultAsync();
        return (email, language);
    }

    private async Task<int> DigestsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        List<(PersonId Person, string Period)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            due = (await db.Notifications.AsNoTracking().Where(n => !n.Digested && n.DigestDueUnixMs != null && n.DigestDueUnixMs <= now)
                    .Select(n => new { n.PersonId, n.DigestPeriod }).Distinct().Take(Batch * 4).ToListAsync(cancellationToken))
                .Select(n => (n.PersonId, n.DigestPeriod!)).ToList();
        }

        var sent = 0;
        foreach (var (person, period) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var writer = scope.ServiceProvider.GetRequiredService<Writer>();
            var text = scope.ServiceProvider.GetRequiredService<MailText>();
            OutgoingMail? outgoing = null;
            var written = await writer.RunAsync(person.Value, Actor, null, async write =>
            {
                var db = write.Db;
                if (await db.Digests.AnyAsync(d => d.PersonId == person && d.Period == period))
                {
                    return NotificationErrors.AlreadyDigested;
                }

                var items = await db.Notifications.Where(n => n.PersonId == person && n.DigestPeriod == period && !n.Digested).OrderBy(n => n.Id).ToListAsync();
                foreach (var item in items)
                {
                    item.Digested = true;
                }

                db.Digests.Add(new DigestRow { PersonId = person, Period = period, SentAtUnixMs = write.At.ToUnixTimeMilliseconds(), Items = items.Count });
                var to = await AddressAsync(db, person);
                if (to is null || items.Count == 0)
                {
                    return Result<bool>.Ok(false);
                }

                var ids = items.Select(i => i.CommunityId).Distinct().ToList();
                var names = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
                var cadence = period.StartsWith("daily", StringComparison.Ordinal) ? "daily" : "weekly";
                var token = Inbox.NewUnsubscribeToken(db, person, cadence, write.At.ToUnixTimeMilliseconds());
                var languages = Languages(to.Value.Language);
                var subject = string.Join(" / ", languages.Select(l => string.Format(l, EventText.Text("DigestSubject", l), items.Count)));
                var body = string.Join("\n\n---\n\n", languages.Select(l =>
                {
                    var lines = new StringBuilder();
                    foreach (var item in items)
                    {
                        var part = EventText.YourPartLine(item.PayloadJson, person.ToString(), l);
                        lines.AppendLine(CultureInfo.InvariantCulture, $"- [{names.GetValueOrDefault(item.CommunityId, string.Empty)}] {EventText.Line(item.Kind, item.PayloadJson, l)}{(part is null ? string.Empty : $" ({part})")}");
                    }

                    lines.AppendLine();
                    lines.Append(string.Format(l, EventText.Text("DigestFooter", l), text.Link("/notifications"), text.Link(Inbox.UnsubscribePage(token))));
                    return lines.ToString();
                }));
                outgoing = new OutgoingMail(to.Value.Email, subject, body, UnsubscribeHeaders(text, token));
                return Result<bool>.Ok(true);
            }, cancellationToken);
            if (written.IsSuccess && outgoing is not null)
            {
                mail.Enqueue(outgoing);
                sent++;
            }
            else if (!written.IsSuccess && written.Error.Code is not (NotificationErrors.Codes.AlreadyDigested or WriteErrors.Codes.Conflict))
            {
                log.LogWarning("Digest {Period} for {Person}: {Code}", period, person, written.Error.Code);
            }
        }

        return sent;
    }
}

/// <summary>
/// Runs the dispatcher and the channel sender every <c>Mikoshi:Notifications:PollSeconds</c> (default 2; 0 turns both off,
/// for a replica that should only answer requests).
/// </summary>
public sealed class NotificationService(NotificationDispatcher dispatcher, ChannelSender channels, IConfiguration configuration, ILogger<NotificationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue<double?>("Mikoshi:Notifications:PollSeconds") ?? 2;
        if (seconds <= 0)
        {
            return;
        }

        var every = TimeSpan.FromSeconds(seconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Wait first: the schema may still be migrating when the host starts.
                await Task.Delay(every, stoppingToken);
                await dispatcher.StepAsync(stoppingToken);
                await channels.StepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "A notification pass failed; the next one tries again.");
            }
        }
    }
}
