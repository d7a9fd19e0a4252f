using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

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
    }
}
