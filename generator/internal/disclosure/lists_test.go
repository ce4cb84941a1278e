package disclosure

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cns-transparency/cns-site/generator/internal/publication"
)

// Every way to read a document declared (a Read… constant) is in
// ReadKinds, which the open data's schemas take their values from.
func TestEveryReadKindIsListed(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "types.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	ast.Inspect(f, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok {
			for i, name := range vs.Names {
				if lit, ok := vs.Values[min(i, len(vs.Values)-1)].(*ast.BasicLit); ok && strings.HasPrefix(name.Name, "Read") && lit.Kind == token.STRING {
					s, _ := strconv.Unquote(lit.Value)
					declared = append(declared, s)
				}
			}
		}
		return true
	})
	if len(declared) == 0 || !slices.Equal(slices.Sorted(slices.Values(declared)), slices.Sorted(slices.Values(ReadKinds))) {
		t.Errorf("declared ways to read %q, ReadKinds %q", declared, ReadKinds)
	}
}

// StatesShowing says what StatusOf and the decision show: a file only
// when public; a day for public, scheduled and withdrawn documents; a
// withdrawal day only for withdrawn ones.
func TestStatesShowing(t *testing.T) {
	P, S, W := publication.Public, publication.Scheduled, publication.Withdrawn
	for fact, want := range map[string][]publication.State{
		FactFile:        {P},
		FactPublicFrom:  {P, S, W},
		FactBasis:       {P, S, W},
		FactWithdrawnOn: {W},
	} {
		if got := StatesShowing(fact); !slices.Equal(got, want) {
			t.Errorf("StatesShowing(%s) = %v, want %v", fact, got, want)
		}
	}
}
