using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Projects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contribution_acknowledgements",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContributionNumber = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contribution_acknowledgements", x => new { x.CommunityId, x.ContributionNumber, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    EvidenceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OccurredAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RecordedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contributions", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "project_invitations",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AskedById = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_invitations", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "project_team",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JoinedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_team", x => new { x.CommunityId, x.ProjectNumber, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    NeededSkills = table.Column<List<string>>(type: "text[]", nullable: false),
                    Values = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_projects", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "thanks",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Message = table.Column<string>(type: "character varying(280)", maxLength: 280, nullable: false),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: true),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_thanks", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_contributions_CommunityId_AuthorId",
                table: "contributions",
                columns: new[] { "CommunityId", "AuthorId" });

            migrationBuilder.CreateIndex(
                name: "IX_contributions_CommunityId_ProjectNumber",
                table: "contributions",
                columns: new[] { "CommunityId", "ProjectNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_project_invitations_CommunityId_ProjectNumber_PersonId_State",
                table: "project_invitations",
                columns: new[] { "CommunityId", "ProjectNumber", "PersonId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_projects_CommunityId_Status",
                table: "projects",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_thanks_CommunityId_ToId",
                table: "thanks",
                columns: new[] { "CommunityId", "ToId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contribution_acknowledgements");

            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "project_invitations");

            migrationBuilder.DropTable(
                name: "project_team");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "thanks");
        }
    }
}
