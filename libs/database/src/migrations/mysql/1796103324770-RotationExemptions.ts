import { MigrationInterface, QueryRunner } from 'typeorm';

export class RotationExemptions1796103324770 implements MigrationInterface {
  name = 'RotationExemptions1796103324770';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`rotation_exemption\` (\`id\` varchar(36) NOT NULL, \`teacher_id\` varchar(36) NOT NULL, \`county_id\` varchar(6) NOT NULL, \`reason\` varchar(20) NOT NULL, \`note\` varchar(500) NULL, \`valid_from\` date NOT NULL, \`valid_to\` date NULL, \`created_by\` varchar(36) NULL, \`created_at\` datetime(3) NOT NULL, INDEX \`IDX_98825d70462a6b59d7f1ea5c80\` (\`teacher_id\`, \`valid_from\`), INDEX \`IDX_e86627223e0087680c9f90a8ba\` (\`county_id\`, \`valid_from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`rotation_exemption\` ADD CONSTRAINT \`FK_8be4f5b6e1458acd3b573efbc85\` FOREIGN KEY (\`teacher_id\`) REFERENCES \`teacher\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`rotation_exemption\` DROP FOREIGN KEY \`FK_8be4f5b6e1458acd3b573efbc85\``);
    await queryRunner.query(`DROP INDEX \`IDX_e86627223e0087680c9f90a8ba\` ON \`rotation_exemption\``);
    await queryRunner.query(`DROP INDEX \`IDX_98825d70462a6b59d7f1ea5c80\` ON \`rotation_exemption\``);
    await queryRunner.query(`DROP TABLE \`rotation_exemption\``);
  }
}
