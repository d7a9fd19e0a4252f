using System.Collections.Generic;
using System.Text.Json;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Cybrid.Analyzers.PackageTests
{
    /// <summary>
    /// The package as a user meets it: its content, the warning in a normal build, the error in CI, and the two
    /// ways to turn that off.
    /// </summary>
    public class PackageTests : IClassFixture<PackageFixture>
    {
        private const string ViolatingProgram = @"using System;

internal static class Program
{
    private static void Main()
    {
        var bank = new Uri(""http://bank.sandbox.cybrid.app/api/prices"");
        Console.WriteLine(bank.Host);
    }
}
";

        private static readonly Dictionary<string, string> InCi = new Dictionary<string, string> { ["CI"] = "true" };

        private readonly PackageFixture _package;

        public PackageTests(PackageFixture package)
        {
            _package = package;
            Assert.True(package.Pack.ExitCode == 0, package.Pack.ToString());
        }

        [Fact]
        public void Package_HoldsExactlyTheExpectedFiles()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            var files = archive.Entries.Select(e => e.FullName)
                .Where(n => !n.StartsWith("_rels/", System.StringComparison.Ordinal) && !n.StartsWith("package/", System.StringComparison.Ordinal) && n != "[Content_Types].xml")
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(
                new[]
                {
                    "Cybrid.Analyzers.nuspec",
                    "README.md",
                    "analyzers/dotnet/cs/Cybrid.Analyzers.CodeFixes.dll",
                    "analyzers/dotnet/cs/Cybrid.Analyzers.dll",
                    "build/Cybrid.Analyzers.Recommended.globalconfig",
                    "build/Cybrid.Analyzers.Required.globalconfig",
                    "build/Cybrid.Analyzers.props",
                    "build/Cybrid.Analyzers.targets",
                    "buildTransitive/Cybrid.Analyzers.props",
                    "buildTransitive/Cybrid.Analyzers.targets",
                },
                files);
            Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("lib/", System.StringComparison.Ordinal));
        }

        [Fact]
        public void Package_IsADevelopmentDependencyWithoutDependencies()
        {
            using var archive = ZipFile.OpenRead(_package.PackagePath);
            using var stream = archive.GetEntry("Cybrid.Analyzers.nuspec")!.Open();
            var nuspec = XDocument.Load(stream);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.Equal("Cybrid.Analyzers", metadata.Element(ns + "id")!.Value);
            Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
            Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
            Assert.Empty(metadata.Descendants(ns + "dependency"));
        }

        [Theory]
        [InlineData("Required", "RequiredTag")]
        [InlineData("Recommended", "RecommendedTag")]
        public void EnforcementConfig_ListsExactlyTheTaggedRules(string level, string tag)
        {
            // The global config escalates a fixed list; it must name exactly the rules the descriptors tag so.
            var config = File.ReadAllLines(Path.Combine(DotNet.RepositoryRoot, "src", "Cybrid.Analyzers.Package", "build", "Cybrid.Analyzers." + level + ".globalconfig"));
            var listed = config.Select(l => Regex.Match(l, @"^dotnet_diagnostic\.(CYB\d{4})\.severity = error$")).Where(m => m.Success).Select(m => m.Groups[1].Value).OrderBy(s => s).ToArray();
            Assert.Contains("is_global = true", config);
            var descriptors = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "src", "Cybrid.Analyzers", "Descriptors.cs"));
            var identifiers = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "src", "Cybrid.Analyzers", "RuleIdentifiers.cs"));
            var tagged = Regex.Matches(descriptors, @"id: RuleIdentifiers\.(\w+),(?:(?!new DiagnosticDescriptor).)*?customTags: " + tag, RegexOptions.Singleline)
                .Select(m => m.Groups[1].Value)
                .Distinct()
                .Select(name => Regex.Match(identifiers, "const string " + name + " = \"(CYB\\d{4})\"").Groups[1].Value)
                .OrderBy(s => s)
                .ToArray();
            Assert.Equal(tagged, listed);
            if (level == "Required")
            {
                Assert.NotEmpty(listed);
            }
        }

        [Fact]
        public void CiBuild_EnforceAll_StillEscalatesRequiredRules()
        {
            var (directory, restore) = _package.CreateConsumer("ci-enforce-all", ViolatingProgram, extraProperties: "    <CybridAnalyzersEnforce>all</CybridAnalyzersEnforce>");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void CiBuild_UserGlobalConfigSeverity_WinsOverEnforcement()
        {
            var (directory, restore) = _package.CreateConsumer("ci-user-globalconfig", ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            File.WriteAllText(Path.Combine(directory, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CYB0004.severity = suggestion\n");
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void NormalBuild_ReportsAWarningAndSucceeds()
        {
            var (directory, restore) = _package.CreateConsumer("warning", ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("warning CYB0004", build.Output, System.StringComparison.Ordinal);
            Assert.Contains("docs/rules/CYB0004.md", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void CiBuild_FailsWithAnError()
        {
            var (directory, restore) = _package.CreateConsumer("ci-error", ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("TF_BUILD", "True")]
        [InlineData("GITHUB_ACTIONS", "true")]
        public void OtherCiVariables_AlsoEscalate(string variable, string value)
        {
            var (directory, restore) = _package.CreateConsumer("ci-" + variable, ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, new Dictionary<string, string> { [variable] = value });
            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void CiBuild_SeverityNoneInEditorConfig_SilencesTheRule()
        {
            var (directory, restore) = _package.CreateConsumer("ci-none", ViolatingProgram, editorConfig: "dotnet_diagnostic.CYB0004.severity = none");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void CiBuild_EnforceFalse_KeepsAWarning()
        {
            var (directory, restore) = _package.CreateConsumer("ci-enforce-false", ViolatingProgram, extraProperties: "    <CybridAnalyzersEnforce>false</CybridAnalyzersEnforce>");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("warning CYB0004", build.Output, System.StringComparison.Ordinal);
            Assert.DoesNotContain("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void ContinuousIntegrationBuildProperty_Escalates()
        {
            var (directory, restore) = _package.CreateConsumer("ci-property", ViolatingProgram, extraProperties: "    <ContinuousIntegrationBuild>true</ContinuousIntegrationBuild>");
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory);
            Assert.True(build.ExitCode != 0, build.ToString());
            Assert.Contains("error CYB0004", build.Output, System.StringComparison.Ordinal);
        }

        [Fact]
        public void CleanCode_BuildsInCiWithoutFindings()
        {
            var (directory, restore) = _package.CreateConsumer("clean", ViolatingProgram.Replace("http://bank", "https://bank"));
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var build = _package.Build(directory, InCi);
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.DoesNotContain("CYB0", build.Output, System.StringComparison.Ordinal);
            Assert.DoesNotContain("AD0001", build.Output, System.StringComparison.Ordinal);
        }
    
        [Fact]
        public void DotnetFormat_AppliesTheCodeFixFromThePackage()
        {
            var (directory, restore) = _package.CreateConsumer("format", ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var format = _package.Run(directory, "format analyzers Consumer.csproj --diagnostics CYB0004 --severity warn --no-restore");
            Assert.True(format.ExitCode == 0, format.ToString());
            var program = File.ReadAllText(Path.Combine(directory, "Program.cs"));
            Assert.Contains("new Uri(\"https://bank.sandbox.cybrid.app/api/prices\")", program, System.StringComparison.Ordinal);
            Assert.DoesNotContain("http://", program, System.StringComparison.Ordinal);
        }

        [Fact]
        public void ErrorLog_WritesSarifWithRuleIdAndHelpUri()
        {
            var (directory, restore) = _package.CreateConsumer("sarif", ViolatingProgram);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var sarifPath = Path.Combine(directory, "out.sarif");
            var build = _package.Build(directory, arguments: "-p:ErrorLog=" + sarifPath + "%2Cversion%3D2.1");
            Assert.True(build.ExitCode == 0, build.ToString());
            using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
            var run = sarif.RootElement.GetProperty("runs")[0];
            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("CYB", System.StringComparison.Ordinal))
                .ToList();
            Assert.NotEmpty(results);
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString());
            foreach (var result in results)
            {
                var id = result.GetProperty("ruleId").GetString()!;
                Assert.Equal("CYB0004", id);
                Assert.True(rules.TryGetValue(id, out var helpUri), id + " has no rule metadata");
                Assert.EndsWith("/docs/rules/" + id + ".md", helpUri, System.StringComparison.Ordinal);
            }
        }
    
        [Fact]
        public void BuildLogAndSarif_NeverContainASecretValue()
        {
            const string secret = "Xq7pL2vR9sT4wY6zA1bC3dE5fG8hJ0kM";
            const string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJiYW5rIiwic3ViX3R5cGUiOiJiYW5rIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";
            var program = @"using System;
using System.Net.Http;
using System.Net.Http.Headers;

internal static class Program
{
    private const string ClientSecret = """ + secret + @""";

    private static void Main()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ""https://bank.sandbox.cybrid.app/api/prices"");
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", """ + jwt + @""");
        Console.WriteLine(request.Headers.Authorization);
        Console.WriteLine(ClientSecret.Length);
    }
}
";
            var (directory, restore) = _package.CreateConsumer("secrets", program);
            Assert.True(restore.ExitCode == 0, restore.ToString());
            var sarifPath = Path.Combine(directory, "secrets.sarif");
            var build = _package.Build(directory, arguments: "-p:ErrorLog=" + sarifPath + "%2Cversion%3D2.1");
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("warning CYB0001", build.Output, System.StringComparison.Ordinal);
            Assert.Contains("warning CYB0006", build.Output, System.StringComparison.Ordinal);
            var sarif = File.ReadAllText(sarifPath);
            Assert.Contains("CYB0001", sarif, System.StringComparison.Ordinal);
            foreach (var value in new[] { secret, jwt })
            {
                // nothing past the two characters a masked message may show
                var tell = value.Substring(2, 8);
                Assert.DoesNotContain(tell, build.Output, System.StringComparison.Ordinal);
                Assert.DoesNotContain(tell, sarif, System.StringComparison.Ordinal);
            }
        }
    }
}
