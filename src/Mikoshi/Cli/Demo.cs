using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Auth;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Ledger;
using Mikoshi.Features.Membership;
using Mikoshi.Features.People;
using Mikoshi.Features.Projects;

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

    private static readonly string[] LoveWords = ["祭り", "旅", "アニメ", "料理", "猫", "音楽", "日本酒", "登山", "Board games", "Coffee", "Film", "Comics"];

    public static Command Command()
    {
        var command = new Command("demo", $"Fill a fresh database with a sample community (30 people, a charter, money, three projects with their teams) to explore. Every person's password is {Password}.");
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

            var clock = new DemoClock(DateTimeOffset.UtcNow.AddMonths(-6));
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
            var founded = await new CreateCommunity(writer, db, clock).HandleAsync(people[0], new CreateCommunityRequest(
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

            var community = await db.Communities.SingleAsync(c => c.Slug == "creators-salon");
            await new SetRoles(writer, db).HandleAsync(people[0], community, people[1].ToString(), new SetRolesRequest(["treasurer"]));
            var random = new Random(2026);
            var charterValues = community.Values.ToArray();
            for (var i = 0; i < people.Count; i++)
            {
                var skills = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => SkillWords[random.Next(SkillWords.Length)]).ToList();
                var loves = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => LoveWords[random.Next(LoveWords.Length)]).ToList();
                var values = Enumerable.Range(0, 2).Select(_ => charterValues[random.Next(charterValues.Length)]).ToList();
                var bio = i < 20 ? $"{skills[0]}が得意です。{loves[0]}が好き。一緒に何か作りましょう！" : $"I do {skills[0]} and love {loves[0]}. Let's make something together!";
                await Profiles.UpdateAsync(db, writer, people[i], new ProfileRequest(null, bio, skills, loves, values));
            }

            community = await db.Communities.SingleAsync(c => c.Slug == "creators-salon");
            await new ChangeParameters(writer).HandleAsync(people[0], community, new ParametersRequest("10000", "200", null, 500, 10_000));
            community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == "creators-salon");
            foreach (var skill in SkillWords.Take(12))
            {
                db.Skills.Add(new SkillRow { CommunityId = community.Id, Name = skill });
            }

            await db.SaveChangesAsync();
            var deposit = new RecordDeposit(writer, db);
            var mint = new MintToken(writer);
            for (var month = 0; month < 6; month++)
            {
                clock.Now = clock.Now.AddDays(30);
                foreach (var person in people)
                {
                    // Monthly salon fee, ¥3,000, paid into the treasury; some people also top up their own account.
                    await deposit.HandleAsync(people[1], community, new DepositRequest("JPY", "3000", $"会費 {month + 1}月 {person.ToString()[..8]}", "monthly fee / 月会費", null));
                    if (random.Next(4) == 0)
                    {
                        var amount = (random.Next(1, 20) * 500).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        await deposit.HandleAsync(people[1], community, new DepositRequest("JPY", amount, $"入金 {person.ToString()[..8]}", "top-up / チャージ", person.ToString()));
                    }

                    clock.Now = clock.Now.AddMinutes(37);
                }

                // Each month four more people join by minting; the price climbs with supply.
                foreach (var person in people.Skip(month * 4).Take(month == 0 ? 6 : 4))
                {
                    await deposit.HandleAsync(people[1], community, new DepositRequest("JPY", "20000", $"入会 {person.ToString()[..8]}", "joining / 入会", person.ToString()));
                    await mint.HandleAsync(person, community, new MintRequest(null));
                    clock.Now = clock.Now.AddHours(5);
                }

                await deposit.HandleAsync(people[1], community, new DepositRequest("USDC", "250000000", $"sponsor-{month + 1}", "sponsorship from a partner studio", null));
            }

            await deposit.HandleAsync(people[1], community, new DepositRequest("ETH", "1500000000000000000", "0x5f3a…grant", "ecosystem grant (1.5 ETH)", null));

            // A little market: two members sell to newcomers, one leaves and comes back, one plans for their grandchild.
            var listings = new Listings(writer);
            foreach (var (seller, token, buyer, price) in new[] { (people[2], 3L, people[27], "15000"), (people[4], 5L, people[28], "16500") })
            {
                clock.Now = clock.Now.AddDays(2);
                await deposit.HandleAsync(people[1], community, new DepositRequest("JPY", "20000", $"入金 {buyer.ToString()[..8]}", "top-up / チャージ", buyer.ToString()));
                var listed = await listings.ListAsync(seller, community, token, new ListRequest(price));
                var number = System.Text.Json.JsonDocument.Parse(listed.Value.Json).RootElement.GetProperty("id").GetInt64();
                await listings.BuyAsync(buyer, community, number);
            }

            clock.Now = clock.Now.AddDays(3);
            await new RedeemToken(writer, db, services.GetRequiredService<Features.Chain.ChainAddresses>()).RedeemAsync(people[6], community, 7);
            clock.Now = clock.Now.AddDays(9);
            await deposit.HandleAsync(people[1], community, new DepositRequest("JPY", "20000", $"再入会 {people[6].ToString()[..8]}", "rejoining / 再入会", people[6].ToString()));
            await mint.HandleAsync(people[6], community, new MintRequest(null));
            await new Succession(writer, db).SetPlanAsync(people[3], community, new SuccessionRequest(
                [new SuccessorRequest(people[29].ToString(), 1)], false, [people[0].ToString(), people[1].ToString()], 2, 365, 30));
            await SeedProjectsAsync(writer, clock, community, people);
            Terminal.Output.WriteLine($"Demo ready: {People.Length} people in 'creators-salon'. Sign in as hanako@demo.mikoshi.example (admin) or ken@demo.mikoshi.example (treasurer), password {Password}.");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Three projects at different stages: an active music video with a full team, a zine still forming
    /// (one invitation unanswered), and a fresh idea with a request to join waiting. Every lead and every
    /// person asking to join holds a token, as the API requires.
    /// </summary>
    private static async Task SeedProjectsAsync(Writer writer, DemoClock clock, Community community, List<PersonId> people)
    {
        var board = new ProjectBoard(writer);
        var teams = new Teams(writer);
        var log = new ContributionLog(writer);
        var thanks = new ThanksFeed(writer);
        static long Id(Result<Written> written) => System.Text.Json.JsonDocument.Parse(written.Value.Json).RootElement.GetProperty("id").GetInt64();
        async Task<long> StartAsync(PersonId lead, string title, string description, string[] skills, string[] values)
        {
            clock.Now = clock.Now.AddHours(5);
            return Id(await board.CreateAsync(lead, community, new ProjectRequest(title, description, skills, values)));
        }

        async Task JoinAsync(PersonId lead, long project, PersonId person, string role, bool invited)
        {
            clock.Now = clock.Now.AddHours(1);
            var opened = invited
                ? await teams.InviteAsync(lead, community, project, new InviteRequest(person.ToString(), role))
                : await teams.AskToJoinAsync(person, community, project, new JoinRequest(role));
            clock.Now = clock.Now.AddHours(2);
            await teams.AnswerAsync(invited ? person : lead, community, Id(opened), accept: true);
        }

        async Task<long> RecordAsync(PersonId author, long project, string summary, string? evidence, params PersonId[] acknowledgers)
        {
            clock.Now = clock.Now.AddHours(4);
            var number = Id(await log.RecordAsync(author, community, project, new ContributionRequest(summary, evidence, null)));
            foreach (var person in acknowledgers)
            {
                clock.Now = clock.Now.AddHours(2);
                await log.AcknowledgeAsync(person, community, number);
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
        await board.ChangeStatusAsync(hanako, community, mv, new StatusRequest("forming"));
        await board.ChangeStatusAsync(hanako, community, mv, new StatusRequest("active"));
        await RecordAsync(shota, mv, "絵コンテ 24カットを描きました。Storyboard of 24 cuts.", "https://example.jp/mv/storyboard-v2.pdf", hanako);
        await RecordAsync(aya, mv, "テーマ曲のデモ音源（2分10秒）。Demo of the theme song, 2:10.", "https://example.jp/mv/demo-track.mp3", hanako, shota);
        await RecordAsync(emma, mv, "Drafted the English subtitles for the first half. 前半の英語字幕の下書き。", "https://example.com/mv/subtitles-draft");
        clock.Now = clock.Now.AddHours(3);
        await thanks.ThankAsync(hanako, community, new ThanksRequest(shota.ToString(), "絵コンテ最高でした！提灯のカット、鳥肌が立ちました。", mv));
        await thanks.ThankAsync(emma, community, new ThanksRequest(aya.ToString(), "Loved the demo track — the taiko break is perfect!", mv));

        var (liam, aoi, mizuki) = (people[21], people[8], people[10]);
        var zine = await StartAsync(liam, "Creators' Zine vol.1 同人誌『神輿』創刊号",
            "A 48-page zine of members' illustrations, short stories and photos, printed for the autumn market.\n" +
            "メンバーのイラスト・短編・写真を集めた48ページの同人誌。秋のイベントで頒布します。",
            ["デザイン", "文章", "写真"], ["Openness", "創作の喜び"]);
        await JoinAsync(liam, zine, aoi, "cover artist / 表紙", invited: true);
        clock.Now = clock.Now.AddHours(3);
        await teams.InviteAsync(liam, community, zine, new InviteRequest(mizuki.ToString(), "editor / 編集"));
        await board.ChangeStatusAsync(liam, community, zine, new StatusRequest("forming"));
        await RecordAsync(aoi, zine, "表紙のラフを3案つくりました。Three cover roughs.", "https://example.jp/zine/cover-roughs", liam);
        await RecordAsync(liam, zine, "Called for submissions; 12 pieces in so far. 原稿募集、12作品が集まりました。", null, aoi);
        await thanks.ThankAsync(liam, community, new ThanksRequest(aoi.ToString(), "The second rough is the one. ありがとう！", zine));

        var (takumi, olivia) = (people[13], people[22]);
        var onsen = await StartAsync(takumi, "温泉ガイドWebサイト Onsen Guide Website",
            "メンバーが訪ねた温泉を写真と文章で紹介する、日英二か国語のサイト。\nA bilingual site of the hot springs members have visited, with photos and short essays.",
            ["Web開発", "写真", "翻訳"], ["Fairness", "Openness"]);
        clock.Now = clock.Now.AddHours(5);
        await teams.AskToJoinAsync(olivia, community, onsen, new JoinRequest("web developer / Web開発"));
        await thanks.ThankAsync(people[1], community, new ThanksRequest(takumi.ToString(), "いい企画！週末に写真を撮ってきます。", onsen));
    }

    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
