from readouts_cli.entry import main

main()
