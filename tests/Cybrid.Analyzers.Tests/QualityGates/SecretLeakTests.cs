using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Tests.Infrastructure;
using Cybrid.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Cybrid.Analyzers.Tests.QualityGates
{
    /// <summary>
    /// No secret in output: for every diagnostic of a rule that looks at secret values (CYB0001 hard-coded
    /// credentials, CYB0006 secrets in logs) over every test input and the sample, the message never contains a
    /// string literal written inside the reported code. (The package test checks the build log and SARIF.)
    /// </summary>
    public class SecretLeakTests
    {
        private static readonly string[] SecretRules = { RuleIdentifiers.HardcodedCredential, RuleIdentifiers.SecretWrittenToLog };

        /// <summary>Shorter literals (“Bearer”, “secret”) can legitimately appear in a message's own wording.</summary>
        private const int MinimumSecretLength = 8;

        private readonly ITestOutputHelper _output;

        public SecretLeakTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task TestInputs_MessagesNeverContainTheReportedLiterals()
        {
            var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var analyzers = SecretAnalyzers();
            var leaks = new List<string>();
            var checkedCount = 0;
            await Parallel.ForEachAsync(TestInputs.Sources, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (input, cancellationToken) =>
            {
                var (name, text) = input;
                var tree = CSharpSyntaxTree.ParseText(text, parse, "/0/" + name + ".cs");
                var stubs = TestInputs.StubsFor(name).Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, "/stubs/Stub" + i + ".cs"));
                var compilation = CSharpCompilation.Create("Leak", stubs.Append(tree), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(cancellationToken);
                var found = new List<string>();
                var count = Check(diagnostics, found);
                lock (leaks)
                {
                    checkedCount += count;
                    leaks.AddRange(found);
                }
            });

            _output.WriteLine(checkedCount + " diagnostics checked");
            Assert.True(leaks.Count == 0, string.Join("\n", leaks.Take(10)));
        }

        [Fact]
        public async Task Sample_MessagesNeverContainTheReportedLiterals()
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = SampleTests.SampleSources().Select(s => CSharpSyntaxTree.ParseText(s.Text, parse, s.Path));
            var compilation = CSharpCompilation.Create("Sample", trees, SampleTests.SharedFrameworkReferences(), new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var diagnostics = await compilation.WithAnalyzers(SecretAnalyzers()).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var leaks = new List<string>();
            var checkedCount = Check(diagnostics, leaks);
            Assert.True(checkedCount > 0, "the sample should show the secret rules");
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        }

        [Fact]
        public void Gate_CatchesAMessageThatPrintsTheSecret()
        {
            var tree = CSharpSyntaxTree.ParseText("class C { const string ClientSecret = \"sk_live_51Hx9Ab\"; }");
            var literal = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Single();
            var leaky = new DiagnosticDescriptor(RuleIdentifiers.HardcodedCredential, "t", "secret {0} is hard-coded", "Security", DiagnosticSeverity.Warning, true);
            var masked = new DiagnosticDescriptor(RuleIdentifiers.HardcodedCredential, "t", "secret {0} is hard-coded", "Security", DiagnosticSeverity.Warning, true);
            var leaks = new List<string>();
            Check(ImmutableArray.Create(Diagnostic.Create(leaky, literal.GetLocation(), "sk_live_51Hx9Ab")), leaks);
            Assert.Single(leaks);
            leaks.Clear();
            Check(ImmutableArray.Create(Diagnostic.Create(masked, literal.GetLocation(), Cybrid.Analyzers.Internal.SecretMask.Mask("sk_live_51Hx9Ab"))), leaks);
            Assert.Empty(leaks);
        }

        private static ImmutableArray<DiagnosticAnalyzer> SecretAnalyzers()
            => PackageCatalog.Analyzers.Where(a => a.SupportedDiagnostics.Any(d => SecretRules.Contains(d.Id))).ToImmutableArray();

        private static int Check(ImmutableArray<Diagnostic> diagnostics, List<string> leaks)
        {
            var count = 0;
            foreach (var diagnostic in diagnostics)
            {
                if (!SecretRules.Contains(diagnostic.Id) || !diagnostic.Location.IsInSource)
                {
                    continue;
                }

                count++;
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                var root = diagnostic.Location.SourceTree!.GetRoot();
                var span = diagnostic.Location.SourceSpan;
                foreach (var token in root.DescendantTokens(span))
                {
                    if (!span.IntersectsWith(token.Span) || !IsStringContent(token) || IsSettingName(token))
                    {
                        continue;
                    }

                    var value = token.ValueText;
                    if (value.Trim().Length >= MinimumSecretLength && message.Contains(value.Trim(), StringComparison.Ordinal))
                    {
                        leaks.Add(diagnostic.Id + " at " + diagnostic.Location.GetLineSpan() + " prints \"" + value + "\": " + message);
                    }
                }
            }

            return count;
        }

        /// <summary>
        /// The name of a setting (<c>GetEnvironmentVariable("CYBRID_CLIENT_SECRET")</c>, <c>configuration["Cybrid:Secret"]</c>)
        /// or of a header (<c>Headers.GetValues("Authorization")</c>) is not a secret, and a message may name it.
        /// </summary>
        private static bool IsSettingName(SyntaxToken token)
        {
            var argument = token.Parent?.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax;
            if (argument?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BracketedArgumentListSyntax)
            {
                return true;
            }

            var invocation = argument?.Parent?.Parent as Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax;
            var name = invocation?.Expression switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax generic => generic.Identifier.ValueText,
                _ => null,
            };
            // setting names, and header names read from a header collection ("Authorization")
            return name == "GetEnvironmentVariable" || name == "GetValue" || name == "GetSection" || name == "GetConnectionString"
                   || name == "GetValues" || name == "TryGetValues" || name == "TryGetValue";
        }

        private static bool IsStringContent(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
               || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
               || token.IsKind(SyntaxKind.Utf8StringLiteralToken);
    }
}
