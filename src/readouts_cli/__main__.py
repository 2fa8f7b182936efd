from readouts_cli.cli import main

main()
