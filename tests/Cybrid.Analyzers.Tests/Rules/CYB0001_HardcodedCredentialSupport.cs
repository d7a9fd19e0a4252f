using System.IO;
using Cybrid.Analyzers.CodeFixes.Rules;
using Cybrid.Analyzers.Rules;
using Cybrid.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>Helpers of CYB0001's tests.</summary>
    internal static class CYB0001_HardcodedCredentialSupport
    {
        /// <summary>A reference to an empty assembly with the given name, standing in for a test framework's assembly.</summary>
        public static MetadataReference EmptyAssembly(string assemblyName)
        {
            var compilation = CSharpCompilation.Create(
                assemblyName,
                new[] { CSharpSyntaxTree.ParseText("namespace Marker { public sealed class Present { } }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidDataException("the marker assembly " + assemblyName + " did not compile");
            }

            return MetadataReference.CreateFromImage(stream.ToArray());
        }

        /// <summary>
        /// Expects a CYB0001 diagnostic that the fix leaves in place at each of the markers <c>{|#0:…|}</c> …
        /// <c>{|#n-1:…|}</c> of the fixed code (fixable markup is not expected in a fixed state).
        /// </summary>
        public static CSharpCodeFixVerifier<HardcodedCredentialAnalyzer, HardcodedCredentialCodeFix>.Test ExpectRemaining(
            this CSharpCodeFixVerifier<HardcodedCredentialAnalyzer, HardcodedCredentialCodeFix>.Test test, int count)
        {
            for (var i = 0; i < count; i++)
            {
                test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(RuleIdentifiers.HardcodedCredential, DiagnosticSeverity.Warning).WithLocation(i));
            }

            return test;
        }
    }
}
