package catalog

import "slices"

// ParseRules reads and validates a rules file on its own, for the fuzz
// test, with the meetings its rules' from: and until: name, in the order they were held.
func ParseRules(src []byte, meetings []*Meeting) (*Rules, error) {
	l := &loader{}
	var r Rules
	(&decoder{file: RulesFile, probs: &l.probs}).decodeFile(src, &r)
	if len(l.probs) == 0 {
		l.checkRules(&r)
		l.resolveRules(&r, slices.DeleteFunc(slices.Clone(meetings), func(m *Meeting) bool { return m == nil }))
	}
	if len(l.probs) > 0 {
		return nil, l.probs.sorted()
	}
	return &r, nil
}
