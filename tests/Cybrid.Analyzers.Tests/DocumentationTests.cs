using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cybrid.Analyzers.Tests
{
    /// <summary>
    /// Keeps descriptors, rule pages, the README table and release tracking in step. With
    /// <c>CYBRID_UPDATE_DOCS=1</c> the generated parts (README table, page title and metadata table) are rewritten
    /// instead of compared.
    /// </summary>
    public class DocumentationTests
    {
        private const string RulesStart = "<!-- rules -->";
        private const string RulesEnd = "<!-- /rules -->";
        private static readonly bool Update = Environment.GetEnvironmentVariable("CYBRID_UPDATE_DOCS") == "1";
        private static readonly string[] RequiredSections = { "## Why", "## Non-compliant", "## Compliant", "## Configuration", "## Suppression" };

        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var rule in PackageCatalog.Rules)
            {
                data.Add(rule.Id);
            }

            return data;
        }

        [Fact]
        public void Readme_RuleTable_MatchesDescriptors()
        {
            var path = Path.Combine(PackageCatalog.RepositoryRoot, "README.md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var start = text.IndexOf(RulesStart, StringComparison.Ordinal);
            var end = text.IndexOf(RulesEnd, StringComparison.Ordinal);
            Assert.True(start >= 0 && end > start, "README.md needs the " + RulesStart + " and " + RulesEnd + " markers");

            var expected = RulesStart + "\n" + ExpectedReadmeTable() + RulesEnd;
            var actual = text.Substring(start, end + RulesEnd.Length - start);
            if (Update && expected != actual)
            {
                File.WriteAllText(path, text.Substring(0, start) + expected + text.Substring(end + RulesEnd.Length));
                return;
            }

            Assert.Equal(expected, actual);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RulePage_HeaderMatchesDescriptor(string id)
        {
            var path = PagePath(id);
            Assert.True(File.Exists(path), "missing docs/rules/" + id + ".md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var header = ExpectedPageHeader(PackageCatalog.Rules.Single(r => r.Id == id));
            var firstSection = text.IndexOf("\n## ", StringComparison.Ordinal);
            Assert.True(firstSection > 0, id + ".md has no sections");
            var actual = text.Substring(0, firstSection + 1);
            if (Update && header != actual)
            {
                File.WriteAllText(path, header + text.Substring(firstSection + 1));
                return;
            }

            Assert.Equal(header, actual);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RulePage_HasEverySectionAndOption(string id)
        {
            var text = File.ReadAllText(PagePath(id));
            foreach (var section in RequiredSections.Where(s => id != RuleIdentifiers.InvalidOption || s == "## Why" || s == "## Suppression"))
            {
                Assert.Contains("\n" + section + "\n", text.Replace("\r\n", "\n"), StringComparison.Ordinal);
            }

            foreach (var option in CybridOptions.All.Where(o => o.RuleId == id))
            {
                Assert.Contains(option.RuleKey, text, StringComparison.Ordinal);
                Assert.Contains(option.DefaultText, text, StringComparison.Ordinal);
            }

            Assert.Contains("#pragma warning disable " + id, text, StringComparison.Ordinal);
            Assert.Contains("dotnet_diagnostic." + id + ".severity", text, StringComparison.Ordinal);
            Assert.Contains("SuppressMessage", text, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void ReleaseTracking_ListsTheRule(string id)
        {
            var folder = Path.Combine(PackageCatalog.RepositoryRoot, "src", "Cybrid.Analyzers");
            var rows = File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"))
                .Concat(File.ReadAllLines(Path.Combine(folder, "AnalyzerReleases.Shipped.md")))
                .Where(l => l.StartsWith(id + " ", StringComparison.Ordinal))
                .ToList();
            var rule = PackageCatalog.Rules.Single(r => r.Id == id);
            Assert.Single(rows);
            var cells = rows[0].Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(rule.Category, cells[1]);
            Assert.Equal(rule.DefaultSeverity.ToString(), cells[2]);
        }

        [Fact]
        public void EveryOption_BelongsToADeclaredRule()
        {
            var ids = typeof(Descriptors).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id).ToList();
            Assert.All(CybridOptions.All, o => Assert.Contains(o.RuleId, ids));
            Assert.Equal(CybridOptions.All.Length, CybridOptions.All.Select(o => o.RuleKey).Distinct().Count());
        }

        [Fact]
        public void EveryPage_BelongsToARule()
        {
            var pages = Directory.GetFiles(Path.Combine(PackageCatalog.RepositoryRoot, "docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
            Assert.All(pages, page => Assert.Contains(PackageCatalog.Rules, r => r.Id == page));
        }

        internal static string ExpectedReadmeTable()
        {
            var builder = new StringBuilder();
            builder.Append("| ID | Category | Title | Severity | Code fix |\n");
            builder.Append("|----|----------|-------|----------|----------|\n");
            foreach (var rule in PackageCatalog.Rules)
            {
                builder.Append("| [").Append(rule.Id).Append("](docs/rules/").Append(rule.Id).Append(".md) | ")
                    .Append(rule.Category).Append(" | ")
                    .Append(rule.Title).Append(" | ")
                    .Append(PackageCatalog.SeverityText(rule)).Append(" | ")
                    .Append(PackageCatalog.HasCodeFix(rule.Id) ? "Yes" : "No").Append(" |\n");
            }

            return builder.ToString();
        }

        private static string ExpectedPageHeader(DiagnosticDescriptor rule)
        {
            var builder = new StringBuilder();
            builder.Append("# ").Append(rule.Id).Append(" - ").Append(rule.Title).Append("\n\n");
            builder.Append("| Category | Default severity | Enabled | Code fix | Generated code |\n");
            builder.Append("|----------|------------------|---------|----------|----------------|\n");
            builder.Append("| ").Append(rule.Category)
                .Append(" | ").Append(PackageCatalog.SeverityText(rule))
                .Append(" | ").Append(rule.IsEnabledByDefault ? "Yes" : "No")
                .Append(" | ").Append(PackageCatalog.HasCodeFix(rule.Id) ? "Yes" : "No")
                .Append(" | Skipped |\n\n");
            builder.Append(rule.Description).Append('\n');
            return builder.ToString();
        }

        private static string PagePath(string id) => Path.Combine(PackageCatalog.RepositoryRoot, "docs", "rules", id + ".md");
    }
}
