from readouts_cli.cli.entry import main

main()
