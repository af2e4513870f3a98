using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Ledger;
using Mikoshi.Features.Membership;
using Mikoshi.Features.People;
using Mikoshi.Features.Projects;
using Mikoshi.Features.Revenue;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Cli;

/// <summary>
/// Fills a fresh database with a living sample: a creators' salon with a charter, thirty people
/// with Japanese and English names, a treasurer, and six months of money received, so a newcomer
/// sees something real at once. Every write goes through the same use cases as the API.
/// </summary>
public static class Demo
{
    public const string Password = "mikoshi-demo-2026";

    private static readonly (string Name, string Email)[] People =
    [
        ("山田 花子", "hanako"), ("佐藤 健", "ken"), ("鈴木 美咲", "misaki"), ("高橋 蓮", "ren"), ("田中 結衣", "yui"),
        ("伊藤 大輝", "daiki"), ("渡辺 さくら", "sakura"), ("中村 翔太", "shota"), ("小林 葵", "aoi"), ("加藤 陽向", "hinata"),
        ("吉田 美月", "mizuki"), ("山本 悠真", "yuma"), ("松本 彩", "aya"), ("井上 拓海", "takumi"), ("木村 凛", "rin"),
        ("林 湊", "minato"), ("清水 芽衣", "mei"), ("山口 颯", "hayate"), ("森 日葵", "himari"), ("池田 樹", "itsuki"),
        ("Emma Johnson", "emma"), ("Liam Smith", "liam"), ("Olivia Brown", "olivia"), ("Noah Garcia", "noah"), ("Ava Martinez", "ava"),
        ("Lucas Müller", "lucas"), ("Chloé Dubois", "chloe"), ("Mateo Rossi", "mateo"), ("Priya Sharma", "priya"), ("Minh Nguyen", "minh"),
    ];

    private static readonly string[] SkillWords =
    [
        "映像編集", "イラスト", "作曲", "文章", "Web開発", "写真", "企画", "翻訳", "デザイン", "イベント運営", "マーケティング", "3DCG",
        "Video editing", "Illustration", "Music", "Writing", "Web development", "Photography",
    ];

    // Bios written as people write them, in their own language (issue #20: "Photographyが得意です" read machine-made).
    private static readonly string[] JapaneseSkills = ["映像編集", "イラスト", "作曲", "文章", "Web開発", "写真", "企画", "翻訳", "デザイン", "イベント運営", "マーケティング", "3DCG"];

    private static readonly string[] EnglishSkills = ["Video editing", "Illustration", "Music", "Writing", "Web development", "Photography"];

    private static readonly string[] JapaneseLoves = ["祭り", "旅", "アニメ", "料理", "猫", "音楽", "日本酒", "登山"];

    private static readonly string[] EnglishLoves = ["Board games", "Coffee", "Film", "Comics"];

    private static readonly string[] JapaneseBios =
    [
        "ふだんは{0}の仕事をしています。{1}が好きで、休みの日はだいたい{1}のことを考えています。気軽に声をかけてください。",
        "{0}が得意です。{1}に目がありません。みんなで一つの作品を仕上げるのが楽しみです。",
        "趣味で{0}を続けて十年になります。{1}好きの方、ぜひお話ししましょう。",
        "{0}担当として、企画の立ち上げから関わるのが好きです。最近は{1}にはまっています。",
    ];

    private static readonly string[] EnglishBios =
    [
        "I do {0} for a living and spend my weekends on {1}. Happy to help with anything that needs a hand.",
        "My thing is {0}, and {1} is my weakness. Looking forward to making something with all of you.",
        "Ten years of {0} as a hobby. If you are into {1} too, say hello!",
    ];


    public static Command Command()
    {
        var command = new Command("demo", $"Fill a fresh database with a sample community (30 people, a charter, money, three projects with their teams, two decided proposals, a payout and a succession under way) to explore. Every person's password is {Password}.");
        command.SetAction(async parse =>
        {
            await using var app = await Commands.OpenAsync(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<MikoshiDb>();
            if (await db.Communities.AnyAsync() || await db.Users.AnyAsync())
            {
                Terminal.Error.WriteLine("The database is not empty; the demo fills only a fresh one (choose another --db).");
                return 1;
            }

            // Every date the demo writes lies in the past: eight months back, and it checks at the end that it stayed there.
            var now = DateTimeOffset.UtcNow;
            var clock = new DemoClock(now.AddDays(-240));
            var people = new List<PersonId>();
            var register = services.GetRequiredService<Register>();
            foreach (var (name, email) in People)
            {
                var result = await register.HandleAsync(new RegisterRequest($"{email}@demo.mikoshi.example", Password, name));
                if (!result.IsSuccess)
                {
                    return Commands.Print(result);
                }

                people.Add((await Commands.FindPersonAsync(services, $"{email}@demo.mikoshi.example")).Value);
            }

            var writer = new Writer(db, clock);

            var founded = await new CreateCommunity(writer, db, clock).HandleAsync(Callers.Outside(people[0]), new CreateCommunityRequest(
                "creators-salon",
                "クリエイターズ神輿 Creators' Mikoshi",
                "好きなことを、得意な人と一緒に。私たちは作品づくりの喜びを分かち合い、収益は決めたルールで公平に分け、次の企画の原資に回します。\n" +
                "Make what you love with people who are good at what you are not. We share the joy of making, split what our works earn by rules we agreed on, and fund the next project from the treasury.",
                ["創作の喜び", "誠実さ", "越境コラボ", "Joy of making", "Fairness", "Openness"],
                "JPY",
                ["USDC", "ETH"]));
            if (!founded.IsSuccess)
            {
                return Commands.Print(founded);
            }

            var callers = new Callers(db);
            var community = await db.Communities.SingleAsync(c => c.Slug == "creators-salon");
            await Must(new SetRoles(writer, db).HandleAsync(await callers.InAsync(community, people[0]), people[1].ToString(), new SetRolesRequest(["treasurer"])), "name the treasurer");
            var random = new Random(2026);
            community = await db.Communities.SingleAsync(c => c.Slug == "creators-salon");
            await Must(new ChangeParameters(writer).HandleAsync(await callers.InAsync(community, people[0]), new ParametersRequest("10000", "200", null, 500, 10_000)), "set the membership parameters");
            community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == "creators-salon");
            foreach (var skill in SkillWords.Take(12))
            {
                db.Skills.Add(new SkillRow { CommunityId = community.Id, Name = skill });
            }

            await db.SaveChangesAsync();
            var deposit = new RecordDeposit(writer, db);
            var treasurer = await callers.InAsync(community, people[1]);
            var mint = new MintToken(writer);
            for (var month = 0; month < 6; month++)
            {
                clock.Now = clock.Now.AddDays(30);
                foreach (var person in people)
                {
                    // Monthly salon fee, ¥3,000, paid into the treasury; some people also top up their own account.
                    await Must(deposit.HandleAsync(treasurer, new DepositRequest("JPY", "3000", $"会費 {month + 1}月 {person.ToString()[..8]}", "monthly fee / 月会費", null)), "record a monthly fee");
                    if (random.Next(4) == 0)
                    {
                        var amount = (random.Next(1, 20) * 500).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await Must(deposit.HandleAsync(treasurer, new DepositRequest("JPY", amount, $"入金 {person.ToString()[..8]}", "top-up / チャージ", person.ToString())), "record a top-up");
                    }

                    clock.Now = clock.Now.AddMinutes(37);
                }

                // Five people join each month (all thirty by the sixth), each paying in what a token costs then: the price
                // climbs with supply, and never below what a token holds of the treasury.
                foreach (var person in people.Skip(month * 5).Take(5))
                {
                    await Must(deposit.HandleAsync(treasurer, new DepositRequest("JPY", await JoiningFeeAsync(db, community), $"入会 {person.ToString()[..8]}", "joining / 入会", person.ToString())), "record a joining fee");
                    await Must(mint.HandleAsync(await callers.InAsync(community, person), new MintRequest(null)), "mint a joining member's token");
                    clock.Now = clock.Now.AddHours(5);
                }

                await Must(deposit.HandleAsync(treasurer, new DepositRequest("USDC", "250000000", $"sponsor-{month + 1}", "提携スタジオの協賛 / sponsorship from a partner studio", null)), "record a sponsorship");
            }

            // Profiles once everyone holds a token: a value is one of the charter's values of a community the person is in.
            var charterValues = community.Values.ToArray();
            for (var i = 0; i < people.Count; i++)
            {
                var japanese = i < 20;
                var (skillWords, loveWords, bios) = japanese ? (JapaneseSkills, JapaneseLoves, JapaneseBios) : (EnglishSkills, EnglishLoves, EnglishBios);
                var skills = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => skillWords[random.Next(skillWords.Length)]).Distinct().ToList();
                var loves = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => loveWords[random.Next(loveWords.Length)]).Distinct().ToList();
                var ownValues = japanese ? charterValues[..3] : charterValues[3..];
                var values = Enumerable.Range(0, 2).Select(_ => ownValues[random.Next(ownValues.Length)]).Distinct().ToList();
                var bio = string.Format(System.Globalization.CultureInfo.InvariantCulture, bios[random.Next(bios.Length)], japanese ? skills[0] : skills[0].ToLowerInvariant(), japanese ? loves[0] : loves[0].ToLowerInvariant());
                await Must(Profiles.UpdateAsync(db, writer, people[i], new ProfileRequest(null, bio, skills, loves, values)), $"write {People[i].Email}'s profile");
            }

            await Must(deposit.HandleAsync(treasurer, new DepositRequest("ETH", "1500000000000000000", "0x5f3a…grant", "エコシステム助成 / ecosystem grant", null)), "record the ETH grant");

            // 蓮 plans for his heir now and then goes quiet: by the end his guardians have started the succession (below).
            var ren = people[3];
            await Must(new Succession(writer, db).SetPlanAsync(await callers.InAsync(community, ren), new SuccessionRequest(
                [new SuccessorRequest(people[29].ToString(), 1)], false, [people[0].ToString(), people[1].ToString()], 2, 30, 60)), "蓮's succession plan");
            var renPlannedAt = clock.Now;

            // A little market: two members sell to newcomers, one leaves and comes back, one plans for their grandchild.
            var listings = new Listings(writer);
            foreach (var (seller, token, buyer, price) in new[] { (people[2], TokenId.Stored(3), people[27], "15000"), (people[4], TokenId.Stored(5), people[28], "16500") })
            {
                clock.Now = clock.Now.AddDays(2);
                await Must(deposit.HandleAsync(treasurer, new DepositRequest("JPY", "20000", $"入金 {buyer.ToString()[..8]}", "top-up / チャージ", buyer.ToString())), "top up a buyer");
                var listed = await Must(listings.ListAsync(await callers.InAsync(community, seller), token, new ListRequest(price)), $"list token #{token}");
                await Must(listings.BuyAsync(await callers.InAsync(community, buyer), listed.Value.Id), $"buy token #{token}");
            }

            // さくら leaves (redeems the token she holds) and comes back twelve days later with a new one.
            var sakura = people[6];
            var hers = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId == sakura).Select(t => t.Serial).SingleAsync();
            clock.Now = clock.Now.AddDays(3);
            await Must(new RedeemToken(writer, db, services.GetRequiredService<Features.Chain.ChainAddresses>()).RedeemAsync(await callers.InAsync(community, sakura), hers), "さくら leaves");
            clock.Now = clock.Now.AddDays(12);
            await Must(deposit.HandleAsync(treasurer, new DepositRequest("JPY", await JoiningFeeAsync(db, community), $"再入会 {sakura.ToString()[..8]}", "rejoining / 再入会", sakura.ToString())), "record さくら's rejoining fee");
            await Must(mint.HandleAsync(await callers.InAsync(community, sakura), new MintRequest(null)), "さくら comes back");
            var mv = await SeedProjectsAsync(writer, callers, clock, community, people);
            await VoteAsync(services, writer, db, clock, community, people, mv);
            await PayOutAsync(services, writer, callers, clock, community, people, mv);

            // A month after 蓮's last word his two guardians start the succession: it now waits out its veto window.
            clock.Now = new[] { clock.Now, renPlannedAt.AddDays(31) }.Max();
            var succession = new Succession(writer, db);
            await Must(succession.ConfirmAsync(await callers.InAsync(community, people[0]), ren.ToString()), "花子 confirms 蓮's succession");
            clock.Now = clock.Now.AddHours(6);
            await Must(succession.ConfirmAsync(await callers.InAsync(community, people[1]), ren.ToString()), "健 confirms 蓮's succession");
            if (clock.Now >= now)
            {
                throw new InvalidOperationException($"The demo's clock ran to {clock.Now:O}, past now ({now:O}): it would show the future.");
            }

            Terminal.Output.WriteLine($"Demo ready: {People.Length} people in 'creators-salon', every date in the past.");
            Terminal.Output.WriteLine("Start it with `mikoshi serve`, open http://127.0.0.1:5080/signin and sign in as (password for everyone: " + Password + "):");
            Terminal.Output.WriteLine("  hanako@demo.mikoshi.example — 山田 花子, the admin (settings, roles, the ledger's audit log)");
            Terminal.Output.WriteLine("  ken@demo.mikoshi.example    — 佐藤 健, the treasurer (deposits, payouts)");
            Terminal.Output.WriteLine("  sakura@demo.mikoshi.example — 渡辺 さくら, a member who left and came back");
            Terminal.Output.WriteLine("  minato@demo.mikoshi.example — 林 湊, who voted against the MV grant, left in its grace period and came back");
            Terminal.Output.WriteLine("  minh@demo.mikoshi.example   — Minh Nguyen, 高橋 蓮's heir: the succession is in its veto window (see /account)");
            Terminal.Output.WriteLine("  shota@demo.mikoshi.example  — 中村 翔太, paid his part of the MV's sales in a payout batch");
            Terminal.Output.WriteLine("  emma@demo.mikoshi.example   — Emma Johnson, a member who reads the site in English");
            return 0;
        });
        return command;
    }

    /// <summary>Every step is checked: a refused step is a demo that tells an untrue story, so it stops and says which.</summary>
    private static async Task<T> Must<T>(Task<Result<T>> step, string what)
    {
        var result = await step;
        return result.IsSuccess ? result.Value : throw new InvalidOperationException($"The demo's step \"{what}\" was refused: {result.Error}");
    }

    /// <summary>What the next token costs, in minor units: the fee a joining member pays in.</summary>
    private static async Task<string> JoiningFeeAsync(MikoshiDb db, Community community)
    {
        var next = await TokenBook.NextMintAsync(db, await TokenBook.CurrentAsync(db, community.Id));
        return next.Price.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Three projects at different stages: an active music video with a full team, a zine still forming
    /// (one invitation unanswered), and a fresh idea with a request to join waiting. Every lead and every
    /// person asking to join holds a token, as the API requires.
    /// </summary>
    private static async Task<ProjectNumber> SeedProjectsAsync(Writer writer, Callers callers, DemoClock clock, Community community, List<PersonId> people)
    {
        Task<Caller> As(PersonId person) => callers.InAsync(community, person);
        var board = new ProjectBoard(writer);
        var teams = new Teams(writer);
        var log = new ContributionLog(writer);
        var thanks = new ThanksFeed(writer);
        async Task<ProjectNumber> StartAsync(PersonId lead, string title, string description, string[] skills, string[] values)
        {
            clock.Now = clock.Now.AddHours(5);
            return ProjectNumber.Stored((await Must(board.CreateAsync(await As(lead), new ProjectRequest(title, description, skills, values)), $"start {title}")).Value.Id);
        }

        async Task JoinAsync(PersonId lead, ProjectNumber project, PersonId person, string role, bool invited)
        {
            clock.Now = clock.Now.AddHours(1);
            var opened = await Must(invited
                ? teams.InviteAsync(await As(lead), project, new InviteRequest(person.ToString(), role))
                : teams.AskToJoinAsync(await As(person), project, new JoinRequest(role)), $"{role} joins");
            clock.Now = clock.Now.AddHours(2);
            await Must(teams.AnswerAsync(await As(invited ? person : lead), opened.Value.Id, accept: true), "AnswerAsync");
        }

        async Task<long> RecordAsync(PersonId author, ProjectNumber project, string summary, string? evidence, params PersonId[] acknowledgers)
        {
            clock.Now = clock.Now.AddHours(4);
            var number = (await Must(log.RecordAsync(await As(author), project, new ContributionRequest(summary, evidence, null)), "record a contribution")).Value.Id;
            foreach (var person in acknowledgers)
            {
                clock.Now = clock.Now.AddHours(2);
                await Must(log.AcknowledgeAsync(await As(person), number), "AcknowledgeAsync");
            }

            return number;
        }

        var (hanako, shota, aya, emma) = (people[0], people[7], people[12], people[20]);
        var mv = await StartAsync(hanako, "夏祭りのアニメMV Summer Festival Anime MV",
            "サロンのテーマ曲に、夏祭りを描いた2分のアニメーションMVをつけます。絵コンテ、作画、作曲、英語字幕の仲間を募集中。\n" +
            "A two-minute animated music video of a summer festival for the salon's theme song. Storyboard, animation, music and English subtitles.",
            ["イラスト", "作曲", "映像編集", "翻訳"], ["創作の喜び", "越境コラボ"]);
        await JoinAsync(hanako, mv, shota, "storyboard / 絵コンテ", invited: true);
        await JoinAsync(hanako, mv, aya, "composer / 作曲", invited: true);
        await JoinAsync(hanako, mv, emma, "translator / 翻訳", invited: false);
        await Must(board.ChangeStatusAsync(await As(hanako), mv, new StatusRequest("forming")), "ChangeStatusAsync");
        await Must(board.ChangeStatusAsync(await As(hanako), mv, new StatusRequest("active")), "ChangeStatusAsync");
        await RecordAsync(shota, mv, "絵コンテ 24カットを描きました。Storyboard of 24 cuts.", "https://example.jp/mv/storyboard-v2.pdf", hanako);
        await RecordAsync(aya, mv, "テーマ曲のデモ音源（2分10秒）。Demo of the theme song, 2:10.", "https://example.jp/mv/demo-track.mp3", hanako, shota);
        await RecordAsync(emma, mv, "Drafted the English subtitles for the first half. 前半の英語字幕の下書き。", "https://example.com/mv/subtitles-draft");
        clock.Now = clock.Now.AddHours(3);
        await Must(thanks.ThankAsync(await As(hanako), new ThanksRequest(shota.ToString(), "絵コンテ最高でした！提灯のカット、鳥肌が立ちました。", mv.Value)), "ThankAsync");
        await Must(thanks.ThankAsync(await As(emma), new ThanksRequest(aya.ToString(), "Loved the demo track — the taiko break is perfect!", mv.Value)), "ThankAsync");

        var (liam, aoi, mizuki) = (people[21], people[8], people[10]);
        var zine = await StartAsync(liam, "Creators' Zine vol.1 同人誌『神輿』創刊号",
            "A 48-page zine of members' illustrations, short stories and photos, printed for the autumn market.\n" +
            "メンバーのイラスト・短編・写真を集めた48ページの同人誌。秋のイベントで頒布します。",
            ["デザイン", "文章", "写真"], ["Openness", "創作の喜び"]);
        await JoinAsync(liam, zine, aoi, "cover artist / 表紙", invited: true);
        clock.Now = clock.Now.AddHours(3);
        await Must(teams.InviteAsync(await As(liam), zine, new InviteRequest(mizuki.ToString(), "editor / 編集")), "InviteAsync");
        await Must(board.ChangeStatusAsync(await As(liam), zine, new StatusRequest("forming")), "ChangeStatusAsync");
        await RecordAsync(aoi, zine, "表紙のラフを3案つくりました。Three cover roughs.", "https://example.jp/zine/cover-roughs", liam);
        await RecordAsync(liam, zine, "Called for submissions; 12 pieces in so far. 原稿募集、12作品が集まりました。", null, aoi);
        await Must(thanks.ThankAsync(await As(liam), new ThanksRequest(aoi.ToString(), "The second rough is the one. ありがとう！", zine.Value)), "ThankAsync");

        var (takumi, olivia) = (people[13], people[22]);
        var onsen = await StartAsync(takumi, "温泉ガイドWebサイト Onsen Guide Website",
            "メンバーが訪ねた温泉を写真と文章で紹介する、日英二か国語のサイト。\nA bilingual site of the hot springs members have visited, with photos and short essays.",
            ["Web開発", "写真", "翻訳"], ["Fairness", "Openness"]);
        clock.Now = clock.Now.AddHours(5);
        await Must(teams.AskToJoinAsync(await As(olivia), onsen, new JoinRequest("web developer / Web開発")), "AskToJoinAsync");
        await Must(thanks.ThankAsync(await As(people[1]), new ThanksRequest(takumi.ToString(), "いい企画！週末に写真を撮ってきます。", onsen.Value)), "ThankAsync");
        return mv;
    }

    /// <summary>
    /// Two proposals the members decide with custodial votes (signed on the server, as the proposal page signs them):
    /// a ¥50,000 grant to the music video, which passes and is executed; 林 湊 voted against it, leaves during its grace
    /// period with his share of the treasury and comes back once it is settled; and a signal to raise the monthly fee,
    /// which most vote down.
    /// </summary>
    private static async Task VoteAsync(IServiceProvider services, Writer writer, MikoshiDb db, DemoClock clock, Community community, List<PersonId> people, ProjectNumber mv)
    {
        var proposals = new Proposals(writer, clock);
        var keys = new CustodialKeys(writer, db, services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>());
        var voting = new Voting(writer, services.GetRequiredService<IConfiguration>(), keys, clock, services.GetRequiredService<Features.Chain.ChainConnection>());
        clock.Now = clock.Now.AddDays(1);
        var opened = clock.Now;
        var callers = new Callers(db);
        var grant = (await Must(proposals.CreateAsync(await callers.InAsync(community, people[0]), new ProposalRequest(
            "fund",
            "夏祭りMVに制作費¥50,000を出す",
            "作画と音源の仕上げのために、共同金庫から¥50,000を出します。\nA grant of ¥50,000 from the treasury to finish the animation and the track.",
            null,
            System.Text.Json.JsonSerializer.SerializeToElement(new { projectId = mv, asset = "JPY", amount = "50000", recoupRateBps = 0 }),
            null,
            opened.AddDays(7),
            72), null), "propose the MV grant")).Value.Id;
        clock.Now = clock.Now.AddHours(2);
        var fee = (await Must(proposals.CreateAsync(await callers.InAsync(community, people[13]), new ProposalRequest(
            "signal",
            "月会費を¥5,000に上げる",
            "撮影機材を買うために、月会費を¥3,000から¥5,000に上げたいと考えています。賛否を聞かせてください。\nShould the monthly fee go up from ¥3,000 to ¥5,000 to buy filming gear?",
            null,
            null,
            null,
            clock.Now.AddDays(7),
            72), null), "propose the fee rise")).Value.Id;

        // 蓮 (3) has gone quiet and the two who sold (2, 4) hold nothing; everyone else votes on the grant, some on the fee.
        var minato = people[15];
        var against = new[] { minato, people[16], people[17] };
        var reasons = new Dictionary<PersonId, string>
        {
            [minato] = "MVより先に撮影機材をそろえるべきだと思います。",
            [people[20]] = "Yes! The animators deserve it.",
            [people[5]] = "楽しみにしています。",
        };
        var voters = people.Where((_, i) => i is not (2 or 3 or 4)).ToList();
        foreach (var person in voters)
        {
            clock.Now = clock.Now.AddMinutes(40);
            var choice = against.Contains(person) ? Domain.Governance.VoteChoices.Against : Domain.Governance.VoteChoices.For;
            await Must(voting.CastCustodialAsync(await callers.InAsync(community, person), grant, new CustodialVoteRequest(choice, reasons.GetValueOrDefault(person)), db), "vote on the MV grant");
        }

        var raise = new[] { people[13], people[21], people[6] };
        foreach (var person in raise.Concat(voters.Where(p => !raise.Contains(p)).Take(14)))
        {
            clock.Now = clock.Now.AddMinutes(25);
            var choice = raise.Contains(person) ? Domain.Governance.VoteChoices.For : Domain.Governance.VoteChoices.Against;
            await Must(voting.CastCustodialAsync(await callers.InAsync(community, person), fee, new CustodialVoteRequest(choice, null), db), "vote on the fee rise");
        }

        // The grant passed; during its grace period 湊, who voted against it, takes his share and leaves.
        clock.Now = opened.AddDays(8);
        var his = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId == minato).Select(t => t.Serial).SingleAsync();
        await Must(new RedeemToken(writer, db, services.GetRequiredService<Features.Chain.ChainAddresses>()).RedeemAsync(await new Callers(db).InAsync(community, minato), his), "湊 leaves during the grace period");

        clock.Now = opened.AddDays(10).AddHours(3);
        foreach (var (number, outcome) in new[] { (grant, "executed"), (fee, "defeated") })
        {
            var settled = await Must(writer.RunAsync(community.Id.Value, GovernanceExecutor.Actor, null, write => GovernanceExecutor.SettleAsync(write, community.Id, number)), $"settle proposal {number}");
            var said = settled.Value.Outcome;
            if (said != outcome)
            {
                throw new InvalidOperationException($"The demo's proposal {number} was {said}, not {outcome}.");
            }
        }

        clock.Now = opened.AddDays(12);
        await Must(new RecordDeposit(writer, db).HandleAsync(await callers.InAsync(community, people[1]), new DepositRequest("JPY", await JoiningFeeAsync(db, community), $"再入会 {minato.ToString()[..8]}", "rejoining / 再入会", minato.ToString())), "record 湊's rejoining fee");
        await Must(new MintToken(writer).HandleAsync(await callers.InAsync(community, minato), new MintRequest(null)), "湊 comes back");
    }

    /// <summary>
    /// The music video earns money: its team agrees a split, the treasurer records the sales, two members with a bank
    /// account claim their part, and the treasurer pays them in one batch (a Zengin file, marked paid).
    /// </summary>
    private static async Task PayOutAsync(IServiceProvider services, Writer writer, Callers callers, DemoClock clock, Community community, List<PersonId> people, ProjectNumber mv)
    {
        Task<Caller> As(PersonId person) => callers.InAsync(community, person);
        var (hanako, ken, shota, aya, emma) = (people[0], people[1], people[7], people[12], people[20]);
        var agreements = new Agreements(writer);
        clock.Now = clock.Now.AddHours(3);
        var proposed = await Must(agreements.ProposeAsync(await As(hanako), mv, new AgreementRequest(
            [new PartyRequest(hanako.ToString(), 2, null), new PartyRequest(shota.ToString(), 2, null), new PartyRequest(aya.ToString(), 2, null), new PartyRequest(emma.ToString(), 1, null)],
            null)), "propose the MV's split");
        var version = proposed.Value.Version;
        foreach (var party in new[] { shota, aya, emma })
        {
            clock.Now = clock.Now.AddHours(2);
            await Must(agreements.AcceptAsync(await As(party), mv, version), "accept the MV's split");
        }

        clock.Now = clock.Now.AddDays(1);
        await Must(new RecordRevenue(writer).RecordAsync(await As(ken), mv, new RevenueRequest("JPY", "120000", "BOOTH 夏祭りMV ダウンロード版の売上", null), new IdempotencyKey("demo-mv-sales", "POST revenue demo-mv-sales")), "record the MV's sales");
        var payouts = new Payouts(writer, services.GetRequiredService<Features.Secrets.SecretBox>());
        await Must(payouts.SetSenderAsync(await As(hanako), new PayoutSenderRequest("1234567890", "ｸﾘｴｲﾀｰｽﾞﾐｺｼ", "0005", "ミツビシユーエフジエイ", "123", "シブヤ", 1, "7654321")), "set the payout sender");
        var earnings = new Earnings(writer);
        foreach (var (person, holder) in new[] { (shota, "ﾅｶﾑﾗ ｼｮｳﾀ"), (aya, "ﾏﾂﾓﾄ ｱﾔ") })
        {
            clock.Now = clock.Now.AddHours(5);
            await Must(payouts.SetBankAccountAsync(person, new BankAccountRequest("0001", "ミズホ", "001", "トウキョウ", 1, "1234567", holder)), "save a bank account");
            await Must(earnings.ClaimAsync(await As(person), new ClaimRequest("JPY"), null), "claim earnings");
        }

        clock.Now = clock.Now.AddDays(1);
        var batch = (await Must(payouts.CreateBatchAsync(await As(ken), new BatchRequest("JPY", null)), "make the payout batch")).Value.Id;
        clock.Now = clock.Now.AddHours(4);
        await Must(payouts.ConfirmAsync(await As(ken), batch), "mark the payout batch paid");
    }

    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
