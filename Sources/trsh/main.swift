print("trsh")
