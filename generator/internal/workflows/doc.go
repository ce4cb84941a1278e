// Package workflows holds the tests of the repository's GitHub workflows:
// they lint clean with actionlint, and the deploy schedule runs shortly after
// midnight Vienna time all year round.
package workflows
