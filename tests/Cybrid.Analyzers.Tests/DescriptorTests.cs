using System;
using System.Composition;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Cybrid.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Cybrid.Analyzers.Tests
{
    /// <summary>Assembly-wide checks over every descriptor, analyzer and fixer the package ships.</summary>
    public class DescriptorTests
    {
        public static TheoryData<string> AnalyzerNames()
        {
            var data = new TheoryData<string>();
            foreach (var analyzer in PackageCatalog.Analyzers)
            {
                data.Add(analyzer.GetType().Name);
            }

            return data;
        }

        public static TheoryData<string> CodeFixNames()
        {
            var data = new TheoryData<string>();
            foreach (var fix in PackageCatalog.CodeFixes)
            {
                data.Add(fix.GetType().Name);
            }

            return data;
        }

        [Fact]
        public void RuleIds_AreWellFormed()
        {
            Assert.NotEmpty(PackageCatalog.Rules);
            Assert.All(PackageCatalog.AllDescriptors, d => Assert.Matches(new Regex("^CYB[0-9]{4}$"), d.Id));
        }

        [Fact]
        public void DescriptorsSharingAnId_AgreeOnTitleCategoryAndSeverity()
        {
            foreach (var group in PackageCatalog.AllDescriptors.GroupBy(d => d.Id))
            {
                var first = group.First();
                Assert.All(group, d =>
                {
                    Assert.Equal(first.Title.ToString(), d.Title.ToString());
                    Assert.Equal(first.Category, d.Category);
                    Assert.Equal(first.DefaultSeverity, d.DefaultSeverity);
                    Assert.Equal(first.IsEnabledByDefault, d.IsEnabledByDefault);
                });
            }
        }

        [Fact]
        public void DescriptorFields_HaveUniqueIdsPerRule()
        {
            // Descriptors.cs holds every descriptor; a second rule must never reuse an ID by mistake.
            var fields = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (Field: f.Name, Descriptor: (DiagnosticDescriptor)f.GetValue(null)!))
                .ToList();
            Assert.NotEmpty(fields);
            foreach (var (field, descriptor) in fields)
            {
                Assert.StartsWith(descriptor.Id + "_", field, StringComparison.Ordinal);
            }

            var titlesById = fields.GroupBy(f => f.Descriptor.Id).Select(g => g.Select(f => f.Descriptor.Title.ToString()).Distinct().Count());
            Assert.All(titlesById, count => Assert.Equal(1, count));
        }

        [Fact]
        public void HelpLinks_PointToTheRulePage()
        {
            Assert.All(PackageCatalog.AllDescriptors, d => Assert.Equal(RuleIdentifiers.HelpLink(d.Id), d.HelpLinkUri));
            Assert.All(PackageCatalog.AllDescriptors, d => Assert.EndsWith("/docs/rules/" + d.Id + ".md", d.HelpLinkUri, StringComparison.Ordinal));
        }

        [Fact]
        public void Texts_FollowTheStyle()
        {
            foreach (var d in PackageCatalog.AllDescriptors)
            {
                var title = d.Title.ToString();
                Assert.False(string.IsNullOrWhiteSpace(title), d.Id);
                Assert.False(title.EndsWith(".", StringComparison.Ordinal), d.Id + " title ends with a period");
                Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat.ToString()), d.Id);
                Assert.False(string.IsNullOrWhiteSpace(d.Description.ToString()), d.Id);
                Assert.True(d.IsEnabledByDefault, d.Id);
            }
        }

        [Fact]
        public void SecurityRules_AreWarningsTaggedRequiredOrRecommended()
        {
            foreach (var d in PackageCatalog.AllDescriptors.Where(d => d.Category == RuleCategories.Security))
            {
                Assert.Equal(DiagnosticSeverity.Warning, d.DefaultSeverity);
                Assert.True(
                    d.CustomTags.Contains(Descriptors.RequiredTag) ^ d.CustomTags.Contains(Descriptors.RecommendedTag),
                    d.Id + " must be tagged exactly one of Required or Recommended");
            }
        }

        [Theory]
        [MemberData(nameof(AnalyzerNames))]
        public void Analyzer_EnablesConcurrencyAndSkipsGeneratedCode(string name)
        {
            var analyzer = PackageCatalog.Analyzers.Single(a => a.GetType().Name == name);
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);
            Assert.True(context.ConcurrentExecutionEnabled);
            Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCodeFlags);
        }

        [Theory]
        [MemberData(nameof(CodeFixNames))]
        public void CodeFix_HasFixAllProviderAndMatchingExportName(string name)
        {
            var fix = PackageCatalog.CodeFixes.Single(f => f.GetType().Name == name);
            Assert.NotNull(fix.GetFixAllProvider());
            var export = fix.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.NotNull(export);
            Assert.Equal(name, export!.Name);
            Assert.Contains(LanguageNames.CSharp, export.Languages);
            Assert.NotNull(fix.GetType().GetCustomAttribute<SharedAttribute>());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(PackageCatalog.Rules, r => r.Id == id));
        }
    }
}
